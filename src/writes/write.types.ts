import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserErrorCode as UserErrorCodeName } from './user-error';

/** The GraphQL enum of the user error codes (writes/user-error.ts). */
export const UserErrorCode: { [K in UserErrorCodeName]: K } = { INVALID: 'INVALID', NOT_FOUND: 'NOT_FOUND', TAKEN: 'TAKEN', STALE: 'STALE', CONFLICT: 'CONFLICT' };
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What kind of expected failure a user error is.',
  valuesConfig: {
    INVALID: { description: 'A value is malformed or out of range.' },
    NOT_FOUND: { description: 'An id or slug in the input names nothing.' },
    TAKEN: { description: 'A unique value (slug, external id) belongs to another entity.' },
    STALE: { description: "The entity's version is not the expectedVersion given." },
    CONFLICT: { description: 'The change contradicts stored data in another way (a duplicate credit, a merge of an entity into itself).' },
  },
});

@ObjectType({ description: 'An expected failure of a mutation; nothing was stored.' })
export class UserError {
  @Field(() => [String], { description: 'Path to the input field at fault, e.g. ["input", "billingOrder"]; empty when it is the input as a whole.' })
  field!: string[];

  @Field({ description: 'What is wrong, in words a person can act on.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'The kind of failure, for code to switch on.' })
  code!: UserErrorCodeName;
}

@InputType({ description: 'Which entity to delete, optionally only at a given version.' })
export class DeleteInput {
  @Field(() => ID, { description: 'The id of the entity to delete.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Delete only if the entity is still at this version (STALE otherwise).' })
  expectedVersion?: number | null;
}

@InputType({ description: 'Fold `from` into `into`: every link of `from` moves to `into`, and `from`\'s id and slug resolve to `into` from then on.' })
export class MergeInput {
  @Field(() => ID, { description: 'The entity that stays.' })
  into!: string;

  @Field(() => ID, { description: 'The entity folded into it; it is gone afterwards, its id and slug leading to `into`.' })
  from!: string;
}

@ObjectType({ description: 'What a delete did.' })
export class DeletePayload {
  @Field(() => ID, { nullable: true, description: 'The id of the entity deleted; null when nothing was.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted, when it was not.' })
  userErrors!: UserError[];
}
