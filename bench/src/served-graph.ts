import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { LocalNeo4j, startLocalNeo4j } from '../../src/db/local/launcher';
import { applySchema } from '../../src/db/schema';
import { FilmGraphGenerator } from './generate';
import { loadGraph, LoadResult } from './load';
import { ServerProcess, startServerProcess } from './servers/spawn';

export interface ServedGraph {
  db: Database;
  generator: FilmGraphGenerator;
  graph: LoadResult;
  server: ServerProcess;
}

/**
 * What the soak and the write benchmark both stand on: the generated graph of `films` films in a
 * Neo4j (NEO4J_URI, else a local one in `dataDir` or a temporary folder), and Reelgraph serving it
 * as users run it. `prepare` runs before the server starts (keys, samples); everything is stopped
 * and removed afterwards, on Ctrl-C too.
 */
export async function withServedGraph<T>(
  options: { films: number; dataDir?: string; tempPrefix: string; log: (line: string) => void },
  work: (served: ServedGraph) => Promise<T>,
  prepare: (db: Database, generator: FilmGraphGenerator) => Promise<void> = async () => {},
): Promise<T> {
  const config = loadConfig();
  const { log } = options;
  let local: LocalNeo4j | undefined;
  let tempDir: string | undefined;
  let db: Database | undefined;
  let server: ServerProcess | undefined;
  const cleanup = async () => {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await local?.stop().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    let uri = config.neo4jUri;
    if (!uri) {
      const dataDir = options.dataDir ?? (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), options.tempPrefix)));
      local = await startLocalNeo4j({ dataDir, port: 0, pageCache: '2g', log });
      uri = local.uri;
    }
    db = Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, 600_000);
    await applySchema(db);
    const generator = new FilmGraphGenerator({ films: options.films });
    const graph = await loadGraph(db, generator, log);
    log(`Graph of ${graph.films} films, ${graph.roles} roles ${graph.reused ? '(reused)' : `loaded in ${graph.seconds.toFixed(0)} s`}`);
    await prepare(db, generator);
    server = await startServerProcess('reelgraph', uri);
    log(`Reelgraph serving at ${server.url} (pid ${server.pid})`);
    return await work({ db, generator, graph, server });
  } finally {
    await cleanup();
  }
}
