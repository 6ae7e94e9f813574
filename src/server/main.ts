import 'reflect-metadata';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { isEmpty, loadSeed } from '../seed/seed';
import { backfillPopularityBands } from '../writes/popularity';
import { EXAMPLE_QUERY, startApp } from './app';

/**
 * npm start: the local Neo4j (unless NEO4J_URI), the schema, the seed graph when the database is
 * empty, then the API. SIGINT/SIGTERM drain requests in flight, close the driver and stop Neo4j.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const connection = await connect(config, { log: (line) => console.log(line) });
  try {
    const banded = await backfillPopularityBands(connection.db);
    if (banded > 0) console.log(`Gave ${banded} films and people stored before popularity bands their band (search relies on them).`);
    if (await isEmpty(connection.db)) {
      const counts = await loadSeed(connection.db);
      console.log(`Loaded the seed graph: ${counts.films} films, ${counts.people} people, ${counts.roles} roles.`);
    }
  } catch (error) {
    await connection.close();
    throw error;
  }
  const app = await startApp(connection.db, config, process.env.HOST || undefined);
  console.log(`\nReelgraph is serving GraphQL at ${app.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`Reelgraph Explorer is at ${new URL('/', app.url)}: search, film, person and franchise pages, and a path finder.`);
  console.log(`Open ${app.url} in a browser for GraphiQL, or try:\n\ncurl -s ${app.url} -H 'content-type: application/json' \\\n  -d '{"query":"{ film(slug: \\"ballerina-2025\\") { title directors { name } } }"}'\n`);
  console.log(EXAMPLE_QUERY);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing requests in flight, then stopping.`);
    await app.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
