import { Config } from '../config';
import { Database } from './database';
import { LocalNeo4j, startLocalNeo4j } from './local/launcher';
import { applySchema } from './schema';

export interface Connection {
  db: Database;
  uri: string;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/** The configured Neo4j when NEO4J_URI is set, else the local one (started or reused). */
export async function connect(config: Config, options: { log?: (line: string) => void; applySchema?: boolean } = {}): Promise<Connection> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    local = await startLocalNeo4j({ dataDir: config.dataDir, port: config.localBoltPort, log: options.log });
    uri = local.uri;
  }
  const db = Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, config.queryTimeoutMs);
  const close = async () => {
    await db.close();
    await local?.stop();
  };
  try {
    if (options.applySchema !== false) await applySchema(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, uri, close };
}
