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
  /** Most cost units a query may add up to (see src/server/limits/measure.ts). */
  maxQueryCost: number;
  /** Transaction timeout for reads serving a request. */
  queryTimeoutMs: number;
  /** The HTTP edge: limits, CORS, rate limits, caching, logs (see HttpConfig). */
  http: HttpConfig;
  /** Who may read and write: public reads, and how JWTs are checked (see AuthConfig). */
  auth: AuthConfig;
}

/** How requests prove who they are (API keys need no settings: they live in the graph). */
export interface AuthConfig {
  /** Whether requests without credentials may read; false asks every request for valid credentials. */
  publicRead: boolean;
  /** HS256 secret JWTs are signed with (JWT_SECRET). */
  jwtSecret?: string;
  /** A JSON Web Key Set file holding the identity provider's public keys (JWT_JWKS_FILE). */
  jwtJwksFile?: string;
  /** When set, a JWT's `iss` and `aud` must be these. */
  jwtIssuer?: string;
  jwtAudience?: string;
  /** The claim holding the role (reader, editor, admin; a string or a list). */
  jwtRoleClaim: string;
  /** The claim naming who the token belongs to. */
  jwtNameClaim: string;
}

export const DEFAULT_AUTH: AuthConfig = {
  publicRead: true,
  jwtRoleClaim: 'role',
  jwtNameClaim: 'sub',
};

/** How the HTTP edge treats clients; every field has a default (DEFAULT_HTTP). */
export interface HttpConfig {
  /** Origins a browser may call the API from: a list, or '*' for any. */
  corsOrigins: '*' | string[];
  /** Most aliases, directives and lexical tokens one query document may hold. */
  maxQueryAliases: number;
  maxQueryDirectives: number;
  maxQueryTokens: number;
  /** Largest request body accepted; a larger one is answered 413. */
  maxBodyBytes: number;
  /** Most operations in one batched request; 0 turns batching off. */
  maxBatch: number;
  /** A request's whole budget for database work, across all its statements. */
  requestDeadlineMs: number;
  /** Slow clients: time allowed to send the headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Cost points one client may spend per minute; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Cache-Control of GET answers (`public` or `private` is put in front). */
  cacheControl: string;
  /** pino's level; 'silent' for none. */
  logLevel: string;
  /** Whether request logs carry the variables (off in production unless asked). */
  logVariables: boolean;
  /** When set, /metrics wants `Authorization: Bearer <this>`. */
  metricsToken?: string;
  /** How often this process reads the change feed's head while a subscription is open. */
  subscriptionPollMs: number;
}

export const DEFAULT_HTTP: HttpConfig = {
  corsOrigins: '*',
  maxQueryAliases: 100,
  maxQueryDirectives: 50,
  maxQueryTokens: 20_000,
  maxBodyBytes: 1 << 20,
  maxBatch: 0,
  requestDeadlineMs: 15_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  rateLimitPerMinute: 1_000_000,
  cacheControl: 'max-age=0, must-revalidate',
  logLevel: 'info',
  logVariables: true,
  subscriptionPollMs: 200,
};

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
    http: httpConfig(env),
    auth: authConfig(env),
  };
}

function authConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const publicRead = (env.REELGRAPH_PUBLIC_READ ?? '').trim().toLowerCase();
  if (!['', 'true', 'false'].includes(publicRead)) {
    throw new Error(`REELGRAPH_PUBLIC_READ must be true or false; got "${env.REELGRAPH_PUBLIC_READ}"`);
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  const jwtJwksFile = env.JWT_JWKS_FILE ? path.resolve(env.JWT_JWKS_FILE) : undefined;
  if (jwtSecret && jwtJwksFile) throw new Error('Set JWT_SECRET or JWT_JWKS_FILE, not both: a JWT is checked against one of them');
  // HS256 wants a key at least as long as its hash (RFC 7518, 3.2); a short one is guessable offline.
  if (jwtSecret && Buffer.byteLength(jwtSecret) < 32) throw new Error('JWT_SECRET must be at least 32 bytes long (HS256)');
  if (jwtJwksFile && !fs.existsSync(jwtJwksFile)) throw new Error(`JWT_JWKS_FILE names no file: ${jwtJwksFile}`);
  return {
    publicRead: publicRead !== 'false',
    jwtSecret,
    jwtJwksFile,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    jwtRoleClaim: env.JWT_ROLE_CLAIM?.trim() || DEFAULT_AUTH.jwtRoleClaim,
    jwtNameClaim: env.JWT_NAME_CLAIM?.trim() || DEFAULT_AUTH.jwtNameClaim,
  };
}

function httpConfig(env: NodeJS.ProcessEnv): HttpConfig {
  const production = env.NODE_ENV === 'production';
  const origins = (env.CORS_ORIGINS ?? '').trim();
  const d = DEFAULT_HTTP;
  return {
    corsOrigins: origins === '' || origins === '*' ? '*' : origins.split(',').map((origin) => origin.trim()).filter(Boolean),
    maxQueryAliases: intFromEnv(env, 'MAX_QUERY_ALIASES', d.maxQueryAliases, 0),
    maxQueryDirectives: intFromEnv(env, 'MAX_QUERY_DIRECTIVES', d.maxQueryDirectives, 0),
    maxQueryTokens: intFromEnv(env, 'MAX_QUERY_TOKENS', d.maxQueryTokens, 100),
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', d.maxBodyBytes, 1024),
    maxBatch: intFromEnv(env, 'MAX_BATCH', d.maxBatch, 0),
    requestDeadlineMs: intFromEnv(env, 'REQUEST_DEADLINE_MS', d.requestDeadlineMs, 1),
    headersTimeoutMs: intFromEnv(env, 'HTTP_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 1),
    requestTimeoutMs: intFromEnv(env, 'HTTP_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 1),
    rateLimitPerMinute: intFromEnv(env, 'RATE_LIMIT_PER_MINUTE', d.rateLimitPerMinute, 0),
    cacheControl: env.CACHE_CONTROL?.trim() || d.cacheControl,
    logLevel: env.LOG_LEVEL?.trim() || d.logLevel,
    logVariables: env.LOG_VARIABLES === undefined || env.LOG_VARIABLES === '' ? !production : env.LOG_VARIABLES === 'true',
    metricsToken: env.METRICS_TOKEN || undefined,
    subscriptionPollMs: intFromEnv(env, 'SUBSCRIPTION_POLL_MS', d.subscriptionPollMs, 10),
  };
}
