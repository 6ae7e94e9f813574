import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload } from '../writes/write.types';
import { CreateGenreInput, GenrePayload, UpdateGenreInput } from './genre-write.inputs';
import { Genre } from './genre.type';
import { genreWrites } from './genre.writes';

function genrePayload(context: Context, outcome: Outcome<string | null>): Promise<GenrePayload> {
  return payloadOf<Genre, 'genre'>(outcome, 'genre', (id) => context.loaders.genreById.load(id));
}

@Resolver()
export class GenreMutations {
  @Mutation(() => GenrePayload, { description: 'Adds a genre films can be filed under (EDITOR).' })
  async createGenre(@Ctx() context: Context, @Arg('input', () => CreateGenreInput, { description: 'The genre.' }) input: CreateGenreInput): Promise<GenrePayload> {
    return genrePayload(context, await mutate(context, 'EDITOR', (write) => genreWrites.create(write, given(input))));
  }

  @Mutation(() => GenrePayload, { description: 'Renames a genre (EDITOR).' })
  async updateGenre(@Ctx() context: Context, @Arg('input', () => UpdateGenreInput, { description: 'The genre and its new name.' }) input: UpdateGenreInput): Promise<GenrePayload> {
    return genrePayload(context, await mutate(context, 'EDITOR', (write) => genreWrites.update(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a genre; its films lose it (ADMIN).' })
  async deleteGenre(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The genre.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => genreWrites.remove(write, given(input))));
  }
}
