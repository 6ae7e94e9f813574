import { startNeo4jGraphqlServer, benchDriver, RunningServer } from './neo4j-graphql';
import { startRawServer } from './raw';

/**
 * A comparison server in a process of its own (so its memory can be measured): `raw` or
 * `neo4j-graphql`, on NEO4J_URI, listening on 127.0.0.1:PORT (0: a free port). Prints
 * `READY <url>` once it answers, and stops cleanly on SIGTERM.
 */
async function main(): Promise<void> {
  const kind = process.argv[2];
  const uri = process.env.NEO4J_URI;
  if (!uri || (kind !== 'raw' && kind !== 'neo4j-graphql')) {
    throw new Error('usage: NEO4J_URI=bolt://… PORT=0 node dist-bench/bench/src/servers/main.js raw|neo4j-graphql');
  }
  const port = Number(process.env.PORT ?? 0);
  const driver = benchDriver(uri, { plainNumbers: kind === 'raw' });
  const server: RunningServer = kind === 'raw' ? await startRawServer(driver, port) : await startNeo4jGraphqlServer(driver, port);
  process.stdout.write(`READY ${server.url}\n`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
