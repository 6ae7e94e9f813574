import { loadConfig } from '../../config';
import { startLocalNeo4j } from './launcher';

/** npm run db: only the local Neo4j, for Neo4j's own tools (cypher-shell, Browser, drivers). */
async function main(): Promise<void> {
  const config = loadConfig();
  const local = await startLocalNeo4j({ dataDir: config.dataDir, port: config.localBoltPort });
  if (local.reused) return;
  console.log(`Local Neo4j at ${local.uri} (no authentication). Ctrl-C stops it.`);
  const stop = () => void local.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
