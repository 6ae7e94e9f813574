import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload } from '../writes/write.types';
import { CreateFranchiseInput, FranchiseEntryPayload, FranchisePayload, RemoveFranchiseEntryInput, SetFranchiseEntryInput, UpdateFranchiseInput } from './franchise-write.inputs';
import { Franchise } from './franchise.type';
import { franchiseWrites } from './franchise.writes';

function franchisePayload(context: Context, outcome: Outcome<string | null>): Promise<FranchisePayload> {
  return payloadOf<Franchise, 'franchise'>(outcome, 'franchise', (id) => context.loaders.franchiseById.load(id));
}

/** The entry as the franchise page reads it (its releaseOrder among the franchise's films too), once committed. */
async function entryPayload(context: Context, outcome: Outcome<{ franchise: string; film: string }>): Promise<FranchiseEntryPayload> {
  if (!outcome.ok) return { entry: null, userErrors: outcome.userErrors };
  const entries = await context.loaders.franchiseEntries.load(outcome.value.franchise);
  return { entry: entries.find((entry) => entry.filmId === outcome.value.film) ?? null, userErrors: [] };
}

@Resolver()
export class FranchiseMutations {
  @Mutation(() => FranchisePayload, { description: 'Adds a franchise, top-level or inside another (EDITOR).' })
  async createFranchise(@Ctx() context: Context, @Arg('input', () => CreateFranchiseInput, { description: 'The franchise.' }) input: CreateFranchiseInput): Promise<FranchisePayload> {
    return franchisePayload(context, await mutate(context, 'EDITOR', (write) => franchiseWrites.create(write, given(input))));
  }

  @Mutation(() => FranchisePayload, { description: "Changes a franchise's name, description or the franchise it sits inside (EDITOR)." })
  async updateFranchise(@Ctx() context: Context, @Arg('input', () => UpdateFranchiseInput, { description: 'The franchise and its changes.' }) input: UpdateFranchiseInput): Promise<FranchisePayload> {
    return franchisePayload(context, await mutate(context, 'EDITOR', (write) => franchiseWrites.update(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a franchise with its entries; franchises inside it become top-level, its characters belong to none (ADMIN).' })
  async deleteFranchise(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The franchise.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => franchiseWrites.remove(write, given(input))));
  }

  @Mutation(() => FranchiseEntryPayload, { description: "Files a film in a franchise or changes its entry there: its kind and place in the story's timeline (EDITOR)." })
  async setFranchiseEntry(@Ctx() context: Context, @Arg('input', () => SetFranchiseEntryInput, { description: 'The entry.' }) input: SetFranchiseEntryInput): Promise<FranchiseEntryPayload> {
    return entryPayload(context, await mutate(context, 'EDITOR', (write) => franchiseWrites.setEntry(write, given(input))));
  }

  @Mutation(() => FranchisePayload, { description: 'Takes a film out of a franchise; the entries after it in the timeline move up one (EDITOR: it corrects a link, deleting nothing).' })
  async removeFranchiseEntry(@Ctx() context: Context, @Arg('input', () => RemoveFranchiseEntryInput, { description: 'The franchise and the film.' }) input: RemoveFranchiseEntryInput): Promise<FranchisePayload> {
    return franchisePayload(context, await mutate(context, 'EDITOR', (write) => franchiseWrites.removeEntry(write, given(input))));
  }
}
