import { Database, Tx } from '../db/database';
import { personPopularityOf } from '../model/popularity';

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
     SET p.popularity = ${personPopularityOf('p')}`,
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
     SET p.popularity = ${personPopularityOf('p')}`,
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
         SET p.popularity = ${personPopularityOf('p')}
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
