import fs from 'node:fs';
import path from 'node:path';

/** Everything Reelgraph reads from the environment, read in one place and validated up front. */
export interface Config {
  /** Set: use this Neo4j (bolt://, neo4j://, …). Unset: start the local embedded Neo4j. */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword: string;
  /** Unset: the server's default database. */
  neo4jDatabase?: string;
  /** Where the local Neo4j keeps its files. */
  dataDir: string;
  /** Preferred Bolt port of the local Neo4j; another free port is taken when it is busy. */
  localBoltPort: number;
  port: number;
  production: boolean;
  /** Deepest selection a query may have. */
  maxQueryDepth: number;
  /** Most cost units a query may add up to (see src/server/cost.ts). */
  maxQueryCost: number;
  /** Transaction timeout for reads serving a request. */
  queryTimeoutMs: number;
}

/**
 * The folder holding package.json, found upwards from this file, so the answer is the same from
 * src/ (tests), dist/ (the product) and dist-bench/src/ (the benchmarks' build).
 */
export const PROJECT_ROOT = projectRoot(__dirname);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER ?? 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    dataDir: path.resolve(env.REELGRAPH_DATA_DIR || path.join(PROJECT_ROOT, 'neo4j-data')),
    localBoltPort: intFromEnv(env, 'REELGRAPH_BOLT_PORT', 7687, 0),
    port: intFromEnv(env, 'PORT', 4000, 0),
    production: env.NODE_ENV === 'production',
    maxQueryDepth: intFromEnv(env, 'MAX_QUERY_DEPTH', 12, 1),
    maxQueryCost: intFromEnv(env, 'MAX_QUERY_COST', 50_000, 1),
    queryTimeoutMs: intFromEnv(env, 'QUERY_TIMEOUT_MS', 10_000, 1),
  };
}
