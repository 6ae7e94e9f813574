import { Database } from '../../src/db/database';
import { isEntity } from '../../src/model/graph';
import { loadSeed } from '../../src/seed/seed';
import { resetToSeed, testDatabase } from '../support/neo4j';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
});
afterAll(() => db.close());

async function counts(): Promise<Record<string, number>> {
  const rows = await db.read<{ label: string; count: number }>(`MATCH (n) WHERE ${isEntity('n')} RETURN labels(n)[0] AS label, count(*) AS count`);
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
}

describe('the seed graph', () => {
  it('holds exactly the seed facts', async () => {
    expect(await counts()).toEqual({ Genre: 7, Franchise: 6, Film: 14, Person: 67, Character: 11, Role: 124, Review: 1 });
  });

  it('loads again without changing anything (same counts, same ids, same versions), and says so in the feed', async () => {
    const entities = `MATCH (n) WHERE ${isEntity('n')} RETURN n.id AS id, n.version AS version, n.updatedAt AS updatedAt ORDER BY id`;
    const imports = `MATCH (c:Change {operation: 'IMPORT'}) RETURN c.actor AS actor ORDER BY c.sequence`;
    const before = await db.read(entities);
    const importsBefore = await db.read<{ actor: string }>(imports);
    expect(importsBefore.at(-1)).toEqual({ actor: 'seed' });
    await loadSeed(db);
    expect(await db.read(entities)).toEqual(before);
    // The run itself is in the feed (a follower reads again after an IMPORT), its entities are not.
    expect(await db.read(imports)).toEqual([...importsBefore, { actor: 'seed' }]);
  });

  it('links recurring characters to every role that plays them', async () => {
    const rows = await db.read<{ film: string }>(
      `MATCH (:Person {slug: 'ian-mcshane'})-[:HAS_ROLE]->(r:Role)-[:PLAYS]->(:Character {slug: 'winston-scott'}),
             (r)-[:ON_FILM]->(f:Film)
       RETURN f.title AS film ORDER BY f.releaseDate`,
    );
    expect(rows.map((r) => r.film)).toEqual([
      'John Wick',
      'John Wick: Chapter 2',
      'John Wick: Chapter 3 – Parabellum',
      'John Wick: Chapter 4',
      'Ballerina',
    ]);
  });
});
