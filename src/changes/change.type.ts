import { GraphQLJSON } from 'graphql-scalars';
import { Field, FieldResolver, ID, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateTimeScalar } from '../common/date-time.scalar';
import { Node } from '../common/node.type';
import { encodeCursor } from '../common/page';
import type { ChangeOperation as ChangeOperationName } from '../writes/change-log';

export const ChangeOperation: { [K in ChangeOperationName]: K } = { CREATE: 'CREATE', UPDATE: 'UPDATE', DELETE: 'DELETE', MERGE: 'MERGE', IMPORT: 'IMPORT' };
registerEnumType(ChangeOperation, {
  name: 'ChangeOperation',
  description: 'What a change did to its entity.',
  valuesConfig: {
    CREATE: { description: 'The entity was made.' },
    UPDATE: { description: 'Some of its fields changed.' },
    DELETE: { description: 'It was deleted.' },
    MERGE: { description: 'It was merged: into another (mergedInto), or another into it (mergedFrom).' },
    IMPORT: { description: 'A bulk import run: one change for the whole run, with its counts in `fields`.' },
  },
});

@ObjectType({ description: "One field's value before and after a change." })
export class FieldChange {
  @Field({ description: "The field's name, as the API names it (title, billingOrder, genres…)." })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value before; null when it had none or the entity is new.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value after; null when cleared or the entity is gone.' })
  after!: unknown;
}

@ObjectType({ implements: Node, description: 'One change to the graph. Changes are totally ordered by `sequence`.' })
export class Change implements Node {
  @Field(() => ID, { description: 'Opaque and stable; node(id:) resolves it.' })
  id!: string;

  @Field(() => Int, { description: 'Its place in the feed: every change has the next number, in commit order.' })
  sequence!: number;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  at!: string;

  @Field({ description: "The API key's name, or the source of an import (seed, import:imdb, import:json)." })
  actor!: string;

  @Field(() => ChangeOperation, { description: 'What it did.' })
  operation!: ChangeOperationName;

  @Field(() => String, { nullable: true, description: 'Film, Person, Role, Franchise, Character, Genre or Review; null for an IMPORT.' })
  entityType!: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of the entity changed; null for an IMPORT.' })
  entityId!: string | null;

  @Field(() => [FieldChange], { description: 'The fields it changed, each with its value before and after.' })
  fields!: FieldChange[];
}

@Resolver(() => Change)
export class ChangeCursorResolver {
  @FieldResolver(() => String, { description: "Its place in the feed as a cursor, the same as its edge's: pass it as `after` to go on from it (a subscriber reconnecting, say)." })
  cursor(@Root() change: Change): string {
    return encodeCursor(change.sequence);
  }
}

export const ChangeConnection = ConnectionType(Change, 'Change');
