import DataLoader from 'dataloader';

/**
 * Puts rows back in key order, as DataLoader requires: one value per key, `missing` where the
 * database had nothing for it (an unknown id is an answer, null or empty, not an error).
 */
export function inKeyOrder<K, V>(keys: readonly K[], rows: { key: K; value: V }[], missing: V): V[] {
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return keys.map((key) => (byKey.has(key) ? (byKey.get(key) as V) : missing));
}

/** A per-request loader over string keys whose batch function runs one UNWIND query. */
export function keyLoader<V>(batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
}

/**
 * A loader whose keys carry arguments (a page, a filter). Keys that share arguments go in one
 * query, with the arguments as parameters (Cypher's LIMIT cannot take a per-row value), so a
 * list of 20 films asking for the same page of reviews still costs one query.
 */
export function argsLoader<A extends object, V>(
  batch: (ids: string[], args: A) => Promise<V[]>,
): DataLoader<{ id: string; args: A }, V, string> {
  return new DataLoader<{ id: string; args: A }, V, string>(
    async (keys) => {
      const groups = new Map<string, { args: A; positions: number[] }>();
      keys.forEach((key, position) => {
        const signature = stableKey(key.args);
        const group = groups.get(signature) ?? { args: key.args, positions: [] };
        group.positions.push(position);
        groups.set(signature, group);
      });
      const results: V[] = new Array(keys.length);
      await Promise.all(
        [...groups.values()].map(async ({ args, positions }) => {
          const values = await batch(positions.map((p) => keys[p].id), args);
          positions.forEach((p, i) => (results[p] = values[i]));
        }),
      );
      return results;
    },
    { cacheKeyFn: (key) => `${key.id}\u0000${stableKey(key.args)}`, maxBatchSize: 1000 },
  );
}

/**
 * A loader whose keys are objects carrying their own arguments, for batch functions that take
 * every key in one query (each row filters by its own arguments).
 */
export function objectLoader<K extends object, V>(batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(batch, { cacheKeyFn: stableKey, maxBatchSize: 1000 });
}

/** The positions of a batch's keys, for rows keyed by position (see inKeyOrder). */
export function positions(keys: readonly unknown[]): number[] {
  return keys.map((_, i) => i);
}

/**
 * A cache key for a key object that does not depend on the order its properties were written in,
 * so a look-ahead page and a resolver that build the same key find the same entry.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_name, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
