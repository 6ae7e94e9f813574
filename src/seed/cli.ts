import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { loadSeed } from './seed';

/** npm run seed: (re)load the seed graph into the configured Neo4j. */
async function main(): Promise<void> {
  const connection = await connect(loadConfig());
  try {
    const counts = await loadSeed(connection.db);
    console.log(`Seed graph loaded into ${connection.uri}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
