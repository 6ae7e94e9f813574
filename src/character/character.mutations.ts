import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload } from '../writes/write.types';
import { CharacterPayload, CreateCharacterInput, UpdateCharacterInput } from './character-write.inputs';
import { Character } from './character.type';
import { characterWrites } from './character.writes';

function characterPayload(context: Context, outcome: Outcome<string | null>): Promise<CharacterPayload> {
  return payloadOf<Character, 'character'>(outcome, 'character', (id) => context.loaders.characterById.load(id));
}

@Resolver()
export class CharacterMutations {
  @Mutation(() => CharacterPayload, { description: 'Adds a recurring character; credits link to it with `character` (EDITOR).' })
  async createCharacter(@Ctx() context: Context, @Arg('input', () => CreateCharacterInput, { description: 'The character.' }) input: CreateCharacterInput): Promise<CharacterPayload> {
    return characterPayload(context, await mutate(context, 'EDITOR', (write) => characterWrites.create(write, given(input))));
  }

  @Mutation(() => CharacterPayload, { description: "Changes a character's name or franchise (EDITOR)." })
  async updateCharacter(@Ctx() context: Context, @Arg('input', () => UpdateCharacterInput, { description: 'The character and its changes.' }) input: UpdateCharacterInput): Promise<CharacterPayload> {
    return characterPayload(context, await mutate(context, 'EDITOR', (write) => characterWrites.update(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a character; the roles that played it link to it no more (ADMIN).' })
  async deleteCharacter(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The character.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => characterWrites.remove(write, given(input))));
  }
}
