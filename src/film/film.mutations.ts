import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload, MergeInput } from '../writes/write.types';
import { CreateFilmInput, FilmPayload, UpdateFilmInput, UpsertFilmInput } from './film-write.inputs';
import { Film } from './film.type';
import { filmWrites } from './film.writes';

function filmPayload(context: Context, outcome: Outcome<string | null>): Promise<FilmPayload> {
  return payloadOf<Film, 'film'>(outcome, 'film', (id) => context.loaders.filmById.load(id));
}

@Resolver()
export class FilmMutations {
  @Mutation(() => FilmPayload, { description: 'Adds a film (EDITOR).' })
  async createFilm(@Ctx() context: Context, @Arg('input', () => CreateFilmInput, { description: 'The film.' }) input: CreateFilmInput): Promise<FilmPayload> {
    return filmPayload(context, await mutate(context, 'EDITOR', (write) => filmWrites.create(write, given(input))));
  }

  @Mutation(() => FilmPayload, { description: "Changes a film's fields (EDITOR)." })
  async updateFilm(@Ctx() context: Context, @Arg('input', () => UpdateFilmInput, { description: 'The film and its changes.' }) input: UpdateFilmInput): Promise<FilmPayload> {
    return filmPayload(context, await mutate(context, 'EDITOR', (write) => filmWrites.update(write, given(input))));
  }

  @Mutation(() => FilmPayload, { description: 'Creates or updates the film with an IMDb id, for sync jobs (EDITOR).' })
  async upsertFilm(@Ctx() context: Context, @Arg('input', () => UpsertFilmInput, { description: 'The film.' }) input: UpsertFilmInput): Promise<FilmPayload> {
    return filmPayload(context, await mutate(context, 'EDITOR', (write) => filmWrites.upsert(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a film with its credits, franchise entries and reviews (ADMIN).' })
  async deleteFilm(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The film.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => filmWrites.remove(write, given(input))));
  }

  @Mutation(() => FilmPayload, { description: 'Folds one film into another; the old id and slug lead to the survivor (ADMIN).' })
  async mergeFilms(@Ctx() context: Context, @Arg('input', () => MergeInput, { description: 'The two films.' }) input: MergeInput): Promise<FilmPayload> {
    return filmPayload(context, await mutate(context, 'ADMIN', (write) => filmWrites.merge(write, given(input))));
  }
}
