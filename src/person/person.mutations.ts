import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload, MergeInput } from '../writes/write.types';
import { CreatePersonInput, PersonPayload, UpdatePersonInput, UpsertPersonInput } from './person-write.inputs';
import { Person } from './person.type';
import { personWrites } from './person.writes';

function personPayload(context: Context, outcome: Outcome<string | null>): Promise<PersonPayload> {
  return payloadOf<Person, 'person'>(outcome, 'person', (id) => context.loaders.personById.load(id));
}

@Resolver()
export class PersonMutations {
  @Mutation(() => PersonPayload, { description: 'Adds a person (EDITOR).' })
  async createPerson(@Ctx() context: Context, @Arg('input', () => CreatePersonInput, { description: 'The person.' }) input: CreatePersonInput): Promise<PersonPayload> {
    return personPayload(context, await mutate(context, 'EDITOR', (write) => personWrites.create(write, given(input))));
  }

  @Mutation(() => PersonPayload, { description: "Changes a person's fields (EDITOR)." })
  async updatePerson(@Ctx() context: Context, @Arg('input', () => UpdatePersonInput, { description: 'The person and the changes.' }) input: UpdatePersonInput): Promise<PersonPayload> {
    return personPayload(context, await mutate(context, 'EDITOR', (write) => personWrites.update(write, given(input))));
  }

  @Mutation(() => PersonPayload, { description: 'Creates or updates the person with an IMDb id, for sync jobs (EDITOR).' })
  async upsertPerson(@Ctx() context: Context, @Arg('input', () => UpsertPersonInput, { description: 'The person.' }) input: UpsertPersonInput): Promise<PersonPayload> {
    return personPayload(context, await mutate(context, 'EDITOR', (write) => personWrites.upsert(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a person with their credits (ADMIN).' })
  async deletePerson(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The person.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => personWrites.remove(write, given(input))));
  }

  @Mutation(() => PersonPayload, { description: 'Folds one person into another (two records of one person); the old id and slug lead to the survivor (ADMIN).' })
  async mergePeople(@Ctx() context: Context, @Arg('input', () => MergeInput, { description: 'The two people.' }) input: MergeInput): Promise<PersonPayload> {
    return personPayload(context, await mutate(context, 'ADMIN', (write) => personWrites.merge(write, given(input))));
  }
}
