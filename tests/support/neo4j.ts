import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { loadSeed } from '../../src/seed/seed';

/** A Database on the suite's Neo4j (see global-setup.ts). Close it in afterAll. */
export function testDatabase(): Database {
  const uri = process.env.REELGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('REELGRAPH_TEST_NEO4J_URI is not set: run the tests with npm test');
  const config = loadConfig();
  return Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, 60_000);
}

/** Empties the graph (schema stays), in batches so a large test graph never needs one huge transaction. */
export async function wipe(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ deleted: number }>('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
    if (row.deleted === 0) return;
  }
}

/** The seed graph and nothing else. */
export async function resetToSeed(db: Database): Promise<void> {
  await wipe(db);
  await loadSeed(db);
}

/** What a call returns and how many statements it sent: batching keeps the count flat however many keys. */
export async function countStatements<T>(db: Database, work: () => Promise<T>): Promise<{ result: T; count: number }> {
  const before = db.statementCount;
  const result = await work();
  return { result, count: db.statementCount - before };
}
