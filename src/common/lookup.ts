import { Database } from '../db/database';
import { Label } from '../model/graph';
import { inKeyOrder } from './batch';

/** The unique-indexed properties an entity can be looked up by. */
export type LookupProperty = 'id' | 'slug' | 'imdbId';

/**
 * One UNWIND query fetching entities of one label by a unique key, in key order, null where
 * unknown. Label and property come from fixed unions, never from a request.
 */
export async function lookup<T>(
  db: Database,
  label: Label,
  property: LookupProperty,
  values: readonly string[],
  projection: (variable: string) => string,
): Promise<(T | null)[]> {
  const rows = await db.read<{ key: string; value: T }>(
    `UNWIND $values AS value
     MATCH (n:${label} {${property}: value})
     RETURN value AS key, ${projection('n')} AS value`,
    { values },
  );
  return inKeyOrder(values, rows, null);
}
