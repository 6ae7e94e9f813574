import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { Shown, SHOWN_SHAPES } from '../model/entity';
import { EntityProperties, Reading, readingOfFields } from '../model/projection';
import { Selection } from './selection';

/**
 * The one rule of reading in part. A look-ahead page reads of each entity only what the request
 * shows (a Reading). An entity read in full may stand in for its loader's answer, so it primes the
 * loader; one read in part only serves the field it rides on, so another field of the same
 * request that reaches the same entity still gets all of it.
 */

/** What the selections of an entity read of it (always its id). */
export function readingOf(shape: EntityProperties, selections: readonly Selection[]): Reading {
  return readingOfFields(shape, selections.flatMap((selection) => selection.names()));
}

/**
 * What to fetch of an entity that rides on another (a role's film): `'none'` when the request
 * does not reach it, else what its selections read.
 */
export type Reach = 'none' | Reading;

export function reachOf(shape: EntityProperties, selections: readonly Selection[]): Reach {
  return selections.length === 0 ? 'none' : readingOf(shape, selections);
}

/** Primes a by-id loader with entities fetched alongside something else, when they were read in full. */
export function primeIfWhole<E extends { id: string }>(loader: { prime(id: string, entity: NoInfer<E>): unknown }, reach: Reach, entities: Iterable<E>): void {
  if (reach !== 'all') return;
  for (const entity of entities) loader.prime(entity.id, entity);
}

/**
 * What the selections of a Node-typed field show of films and of people. Fragments are merged in
 * a Selection, so a field counts for a type only when that type has it (`title` of
 * `... on Film { title }` is not asked of people).
 */
export function shownOf(schema: GraphQLSchema, selections: readonly Selection[]): Shown {
  const shown: Shown = {};
  for (const [type, shape] of Object.entries(SHOWN_SHAPES) as [keyof Shown, EntityProperties][]) {
    const fields = (schema.getType(type) as GraphQLObjectType).getFields();
    const names = selections.flatMap((selection) => selection.names()).filter((name) => name === '__typename' || name in fields);
    shown[type] = readingOfFields(shape, names);
  }
  return shown;
}
