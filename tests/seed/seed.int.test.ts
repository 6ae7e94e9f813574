import { Database } from '../../src/db/database';
import { isEntityNode } from '../../src/model/graph';
import { loadSeed } from '../../src/seed/seed';
import { resetToSeed, testDatabase } from '../support/neo4j';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
});
afterAll(() => db.close());

async function counts(): Promise<Record<string, number>> {
  const rows = await db.read<{ label: string; count: number }>(`MATCH (n) WHERE ${isEntityNode('n')} RETURN labels(n)[0] AS label, count(*) AS count`);
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
}

describe('the seed graph', () => {
  it('holds exactly the seed facts', async () => {
    expect(await counts()).toEqual({ Genre: 7, Franchise: 6, Film: 14, Person: 67, Character: 11, Role: 124, Review: 1 });
  });

  it('loads again without changing anything (same counts, same ids)', async () => {
    const before = await db.read('MATCH (n) RETURN n.id AS id ORDER BY id');
    await loadSeed(db);
    expect(await db.read('MATCH (n) RETURN n.id AS id ORDER BY id')).toEqual(before);
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
