import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload } from '../writes/write.types';
import { AddCreditInput, CreditPayload, UpdateCreditInput } from './credit-write.inputs';
import { Role } from './role.type';
import { creditWrites } from './role.writes';

function creditPayload(context: Context, outcome: Outcome<string | null>): Promise<CreditPayload> {
  return payloadOf<Role, 'role'>(outcome, 'role', (id) => context.loaders.roleById.load(id) as Promise<Role | null>);
}

@Resolver()
export class CreditMutations {
  @Mutation(() => CreditPayload, { description: 'Credits a person on a film: cast (in billing order) or crew, credited or not (EDITOR).' })
  async addCredit(@Ctx() context: Context, @Arg('input', () => AddCreditInput, { description: 'The credit.' }) input: AddCreditInput): Promise<CreditPayload> {
    return creditPayload(context, await mutate(context, 'EDITOR', (write) => creditWrites.add(write, given(input))));
  }

  @Mutation(() => CreditPayload, { description: 'Changes a credit: its job, characters, place in the cast, whether it is credited (EDITOR).' })
  async updateCredit(@Ctx() context: Context, @Arg('input', () => UpdateCreditInput, { description: 'The credit and the changes.' }) input: UpdateCreditInput): Promise<CreditPayload> {
    return creditPayload(context, await mutate(context, 'EDITOR', (write) => creditWrites.update(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Removes a credit; the cast behind it moves up one (ADMIN).' })
  async removeCredit(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The credit.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => creditWrites.remove(write, given(input))));
  }
}
