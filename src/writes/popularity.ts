import { Database, Tx } from '../db/database';
import { personPopularityOf, popularityOf, setPopularity } from '../model/popularity';

/**
 * Keeps people's popularity (model/popularity.ts) right after a write changed their credits or
 * their films' votes. Every writer calls these inside its own transaction, after the films and
 * roles are written, so a committed graph never holds a stale prominence. Popularity is derived,
 * so it raises no version and records no change.
 */

/** Recomputes the popularity of the people `ids` (missing ones are skipped). */
export async function refreshPeople(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (p:Person {id: id})
     ${setPopularity('p', personPopularityOf('p'))}`,
    { ids: [...new Set(ids)] },
  );
}

/** Recomputes the popularity of everyone credited on the films `ids`: after those films' votes changed. */
export async function refreshPeopleOnFilms(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UNWIND $ids AS id
     MATCH (:Film {id: id})<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person)
     WITH DISTINCT p
     ${setPopularity('p', personPopularityOf('p'))}`,
    { ids: [...new Set(ids)] },
  );
}

/**
 * Recomputes every person's popularity, `batchSize` people a transaction in id order: the last
 * step of an IMDb import on either path (the bulk path cannot know a person's films' votes while it
 * streams, and the Cypher path would otherwise recompute busy people batch after batch).
 * Returns how many people it visited.
 */
export async function refreshAllPeople(db: Database, batchSize = 20_000, onBatch: (done: number) => void = () => {}): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const [row] = await db.writeTx((tx) =>
      tx.run<{ count: number; last: string | null }>(
        `MATCH (p:Person) WHERE p.id > $after
         WITH p ORDER BY p.id LIMIT $limit
         ${setPopularity('p', personPopularityOf('p'))}
         RETURN count(p) AS count, max(p.id) AS last`,
        { after, limit: batchSize },
      ),
    );
    done += row?.count ?? 0;
    onBatch(done);
    if (!row || row.count < batchSize || row.last === null) return done;
    after = row.last;
  }
}

/**
 * Gives every film and person stored before popularity bands existed its band (model/popularity.ts),
 * once: search trusts that every ranked node has one, and a graph whose GraphState says so is
 * skipped. `batchSize` nodes a transaction, in id order. Returns how many nodes were given one.
 */
export async function backfillPopularityBands(db: Database, batchSize = 20_000): Promise<number> {
  const [state] = await db.read<{ done: boolean }>(`OPTIONAL MATCH (state:GraphState {key: 'graph'}) RETURN coalesce(state.popularityBands, false) AS done`);
  if (state?.done) return 0;
  let given = 0;
  for (const label of ['Film', 'Person'] as const) {
    for (let after = ''; ; ) {
      const [row] = await db.writeTx((tx) =>
        tx.run<{ seen: number; given: number; last: string | null }>(
          `MATCH (n:${label}) WHERE n.id > $after
           WITH n ORDER BY n.id LIMIT $limit
           CALL (n) {
             WITH n WHERE n.popularityBand IS NULL
             ${setPopularity('n', popularityOf('n'))}
             RETURN count(n) AS given
           }
           RETURN count(n) AS seen, sum(given) AS given, max(n.id) AS last`,
          { after, limit: batchSize },
        ),
      );
      given += row?.given ?? 0;
      if (!row || row.seen < batchSize || row.last === null) break;
      after = row.last;
    }
  }
  await db.write(`MERGE (state:GraphState {key: 'graph'}) SET state.popularityBands = true`);
  return given;
}
