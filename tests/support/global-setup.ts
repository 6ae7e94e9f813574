import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { startLocalNeo4j } from '../../src/db/local/launcher';
import { applySchema } from '../../src/db/schema';

/**
 * Starts the Neo4j the whole suite uses: a local one on a throwaway folder, or NEO4J_URI when set.
 * Test files learn its address from REELGRAPH_TEST_NEO4J_URI (inherited by Jest's workers).
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  let uri = config.neo4jUri;
  if (uri) {
    if (process.env.REELGRAPH_TEST_ALLOW_WIPE !== '1') {
      throw new Error(
        `npm test empties the database it runs on. NEO4J_URI is set (${uri}); set REELGRAPH_TEST_ALLOW_WIPE=1 to confirm that database may be wiped, or unset NEO4J_URI to test on a throwaway local Neo4j.`,
      );
    }
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-test-'));
    const started = Date.now();
    const local = await startLocalNeo4j({ dataDir, port: 0, pageCache: '256m', log: () => {} });
    uri = local.uri;
    (globalThis as Record<string, unknown>).__reelgraphNeo4j = { local, dataDir };
    process.stderr.write(`\n[tests] throwaway local Neo4j at ${uri} (${Date.now() - started} ms)\n`);
  }
  process.env.REELGRAPH_TEST_NEO4J_URI = uri;
  const db = Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, 60_000);
  try {
    await applySchema(db);
  } finally {
    await db.close();
  }
}
