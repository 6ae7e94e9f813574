import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLFormattedError } from 'graphql';
import { ApiKeyStore } from '../auth/api-keys';
import { Authenticator } from '../auth/authenticator';
import { JwtVerifier } from '../auth/jwt';
import { credentialsPlugin } from '../auth/plugin';
import type { Viewer } from '../auth/viewer';
import { AuthConfig, Config, DEFAULT_AUTH, DEFAULT_HTTP, HttpConfig } from '../config';
import { codeOfDatabaseError, ErrorCode } from '../common/errors';
import { Database } from '../db/database';
import { buildReelgraphSchema } from '../schema/build';
import { ChangeFeed } from '../changes/change.feed';
import { Context, createLoaders, Exchange } from './context';
import { serveExplorer } from './explorer';
import { serveGraphiql } from './graphiql';
import { readBody } from './http/body';
import { cacheControlOf, etagOf, GraphStamp, matchesEtag } from './http/caching';
import { handleCors } from './http/cors';
import { requestIdOf } from './http/request-id';
import { setSecurityHeaders } from './http/security-headers';
import { knownOperationTypeRule, limitsPlugin, subscriptionOverHttpRule } from './limits';
import { Logger, makeLogger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { RateLimiter } from './rate-limit';
import { serveSubscriptions } from './subscriptions';

export const GRAPHQL_PATH = '/graphql';

export const EXAMPLE_QUERY = `# Who made Ballerina, and who played whom?
query Ballerina {
  film(slug: "ballerina-2025") {
    title
    releaseDate
    directors { name }
    cast { billingOrder person { name } characters character { name } }
    franchises { franchise { name } kind chronologicalOrder }
  }
}
`;

export interface App {
  url: string;
  server: http.Server;
  /** What feeds this process's subscriptions: how many are open, whether it polls. */
  changeFeed: ChangeFeed;
  /** Stops taking requests, lets those in flight finish, then returns (the caller closes the db). */
  stop(): Promise<void>;
}

export type AppConfig = Pick<Config, 'port' | 'production' | 'maxQueryDepth' | 'maxQueryCost'> & { http?: Partial<HttpConfig>; auth?: Partial<AuthConfig> };

export interface AppOptions {
  /** Where request logs go; by default pino on stdout at the configured level. */
  logger?: Logger;
}

/**
 * Errors that say the request itself was wrong (it could not be parsed, was invalid, or broke a
 * limit): the GraphQL-over-HTTP spec answers them 200 to `application/json` clients, whose status
 * codes only speak of HTTP, and 4xx to `application/graphql-response+json` ones.
 */
const REQUEST_ERRORS = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.QUERY_TOO_LARGE,
]);

/**
 * Unknown failures become INTERNAL_SERVER_ERROR; in production their message and stack are
 * hidden, since they may carry database details. Our own codes pass through as they are, and the
 * database layer's failures get theirs here (it knows nothing of GraphQL).
 */
export function formatError(production: boolean) {
  const known = new Set<string>(Object.values(ErrorCode));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const databaseCode = codeOfDatabaseError(unwrapResolverError(error));
    if (databaseCode) return { ...formatted, extensions: { ...(production ? {} : formatted.extensions), code: databaseCode } };
    const code = formatted.extensions?.code;
    // graphql-js's parser words the token limit as a syntax error; it is a limit like the others.
    if (code === ErrorCode.GRAPHQL_PARSE_FAILED && /Document contains more th\w+ \d+ tokens/.test(formatted.message)) {
      return { ...formatted, message: `${formatted.message} (MAX_QUERY_TOKENS)`, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_LARGE } };
    }
    if (typeof code === 'string' && known.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    if ((typeof code === 'string' && code.startsWith('GRAPHQL_')) || code === 'BAD_REQUEST' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') {
      return formatted;
    }
    return {
      ...formatted,
      message: production ? 'Internal server error' : formatted.message,
      extensions: { ...(production ? {} : formatted.extensions), code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Whom a request's rate budget is charged to: its credentials (as a digest, never the secret), else its address. */
function clientOf(req: http.IncomingMessage): { client: string; authenticated: boolean } {
  const credentials = req.headers.authorization;
  if (credentials) return { client: `credentials:${createHash('sha256').update(credentials).digest('base64url').slice(0, 22)}`, authenticated: true };
  return { client: `address:${req.socket.remoteAddress ?? 'unknown'}`, authenticated: false };
}

/** `host` unset listens on every interface (IPv4 and IPv6), so http://localhost works either way. */
export async function startApp(db: Database, config: AppConfig, host?: string, options: AppOptions = {}): Promise<App> {
  const edge: HttpConfig = { ...DEFAULT_HTTP, ...(config.production ? { logVariables: false } : {}), ...config.http };
  const logger = options.logger ?? makeLogger(edge.logLevel);
  const metrics = new Metrics(db);
  const stamp = new GraphStamp(db);
  const rates = new RateLimiter(edge.rateLimitPerMinute);
  const access: AuthConfig = { ...DEFAULT_AUTH, ...config.auth };
  // Made once: a JWKS file is read and its keys imported at start-up, and a bad one stops it.
  const jwt = JwtVerifier.fromConfig(access);
  const server = http.createServer({ headersTimeout: edge.headersTimeoutMs, requestTimeout: edge.requestTimeoutMs });
  const schema = buildReelgraphSchema();
  const limits = { maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost, maxAliases: edge.maxQueryAliases, maxDirectives: edge.maxQueryDirectives };
  const errorFormatter = formatError(config.production);
  // One per process, polling only while a subscription is open; HTTP requests carry it too, unused.
  const changeFeed = new ChangeFeed(db, edge.subscriptionPollMs);
  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: !config.production,
    formatError: errorFormatter,
    // Introspection stays on in production: the schema is public and GraphiQL needs it.
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: it must stop Apollo, then the driver, then Neo4j, in that order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: edge.maxBatch > 0,
    parseOptions: { maxTokens: edge.maxQueryTokens },
    validationRules: [knownOperationTypeRule, subscriptionOverHttpRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // The default cache-control plugin wraps every field's resolver to read @cacheControl hints
      // we never set; on a film page that is hundreds of wrapped calls per request.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(limits, rates),
      credentialsPlugin({ publicRead: access.publicRead }),
    ],
  });
  await apollo.start();

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only a bug in the handler itself reaches here; the process must keep serving others.
      logger.error({ err: error }, 'request failed outside GraphQL');
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const exchange: Exchange = { id: requestIdOf(req), ...clientOf(req), errorCodes: [], hasData: false };
    res.setHeader('x-request-id', exchange.id);
    setSecurityHeaders(res);
    if (handleCors(req, res, { origins: edge.corsOrigins })) return;

    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const neo4jUp = await db.ping();
      send(res, neo4jUp ? 200 : 503, { status: neo4jUp ? 'ok' : 'degraded', api: 'up', neo4j: neo4jUp ? 'up' : 'down' });
      return;
    }
    if (url.pathname === '/metrics' && req.method === 'GET') {
      if (edge.metricsToken && req.headers.authorization !== `Bearer ${edge.metricsToken}`) {
        send(res, 401, { error: 'GET /metrics wants Authorization: Bearer <METRICS_TOKEN>' });
        return;
      }
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      return;
    }
    if (serveGraphiql(req, res, { endpoint: GRAPHQL_PATH, exampleQuery: EXAMPLE_QUERY })) return;
    if (await serveExplorer(req, res)) return;
    if (url.pathname !== GRAPHQL_PATH) {
      send(res, 404, { error: `Nothing at ${url.pathname}; the GraphQL endpoint is ${GRAPHQL_PATH}` });
      return;
    }

    const requestDb = db.until(Date.now() + edge.requestDeadlineMs);
    // Once per request at most, and only when asked: a public read without credentials reads no key.
    const authenticator = new Authenticator(new ApiKeyStore(requestDb), jwt);
    let viewer: Promise<Viewer> | undefined;
    const viewerOf = () => (viewer ??= authenticator.authenticate(req.headers.authorization));
    let operation: string | undefined;
    let parsed: unknown;
    let variables: unknown;
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const outcome = exchange.errorCodes[0] ?? (res.statusCode < 400 ? 'ok' : `HTTP_${res.statusCode}`);
      metrics.request(operation, outcome, seconds);
      logger.info(
        {
          requestId: exchange.id,
          method: req.method,
          status: res.statusCode,
          operation: operation ?? null,
          ms: Math.round(seconds * 10_000) / 10,
          statements: requestDb.statementsSentHere,
          cost: exchange.cost ?? null,
          errors: exchange.errorCodes,
          ...(edge.logVariables && variables !== undefined ? { variables } : {}),
        },
        'graphql request',
      );
    });

    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      send(res, 405, { errors: [{ message: `${req.method} is not a GraphQL method here; use GET or POST`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (req.method === 'POST') {
      const body = await readBody(req, edge.maxBodyBytes);
      if (body === 'too large') {
        res.setHeader('connection', 'close');
        send(res, 413, { errors: [{ message: `The request body is larger than ${edge.maxBodyBytes} bytes (MAX_BODY_BYTES)`, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      try {
        parsed = body.length > 0 ? JSON.parse(body) : undefined;
      } catch {
        send(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      if (Array.isArray(parsed) && edge.maxBatch > 0 && parsed.length > edge.maxBatch) {
        send(res, 400, { errors: [{ message: `A batch holds at most ${edge.maxBatch} operations (MAX_BATCH); got ${parsed.length}`, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      const single = parsed as { operationName?: unknown; variables?: unknown } | undefined;
      operation = typeof single?.operationName === 'string' ? single.operationName : undefined;
      variables = single?.variables;
    } else {
      operation = url.searchParams.get('operationName') ?? undefined;
      variables = url.searchParams.get('variables') ?? undefined;
    }

    // A GET is a read whose answer can be named: revalidating one the client holds costs no query.
    const accept = req.headers.accept ?? '';
    let etag: string | undefined;
    if (req.method === 'GET') {
      try {
        etag = etagOf(await stamp.current(), url.search, accept, exchange.authenticated);
      } catch {
        // Without the stamp there is no ETag; the request runs and says what is wrong.
      }
      // A 304 answers without running anything, so it is given only to those the query would answer.
      if (etag && matchesEtag(req.headers['if-none-match'], etag) && (await mayRead(viewerOf))) {
        res.writeHead(304, { etag, 'cache-control': cacheControlOf(edge.cacheControl, exchange.authenticated), vary: 'accept' }).end();
        return;
      }
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body: parsed },
      context: async () => ({ db: requestDb, loaders: createLoaders(requestDb), exchange, viewer: viewerOf, changeFeed }),
    });
    const response = await withinDeadline(execution, edge.requestDeadlineMs + DEADLINE_GRACE_MS);
    if (response === 'late') {
      // Neo4j aborts the statements themselves at the deadline; the client is not kept waiting for it.
      exchange.errorCodes = [ErrorCode.QUERY_TIMEOUT];
      send(res, 200, {
        data: null,
        errors: [{ message: `The request ran past its ${edge.requestDeadlineMs} ms deadline (REQUEST_DEADLINE_MS); narrow it and try again.`, extensions: { code: ErrorCode.QUERY_TIMEOUT } }],
      });
      return;
    }
    for (const [name, value] of response.headers) res.setHeader(name, value);
    // The same URL answers browsers with GraphiQL, so caches must keep the two apart.
    res.setHeader('vary', 'accept');
    res.statusCode = statusOf(response.status ?? 200, response.headers.get('content-type') ?? '', exchange);
    if (res.statusCode === 401) res.setHeader('www-authenticate', exchange.authenticated ? 'Bearer realm="reelgraph", error="invalid_token"' : 'Bearer realm="reelgraph"');
    if (req.method === 'GET' && etag && res.statusCode === 200 && exchange.errorCodes.length === 0) {
      res.setHeader('etag', etag);
      res.setHeader('cache-control', cacheControlOf(edge.cacheControl, exchange.authenticated));
    } else if (req.method === 'GET') {
      res.setHeader('cache-control', 'no-store');
    }
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function mayRead(viewerOf: () => Promise<Viewer>): Promise<boolean> {
    try {
      // Bad credentials fail even a public read, so they are checked first (no work without any).
      const viewer = await viewerOf();
      return access.publicRead || viewer.via !== 'anonymous';
    } catch {
      return false;
    }
  }

  // Subscriptions share the port and path: a WebSocket upgrade of /graphql never reaches `handle`.
  const subscriptions = serveSubscriptions({
    server,
    path: GRAPHQL_PATH,
    db,
    schema,
    feed: changeFeed,
    jwt,
    publicRead: access.publicRead,
    limits,
    maxQueryTokens: edge.maxQueryTokens,
    maxPayloadBytes: edge.maxBodyBytes,
    eventDeadlineMs: edge.requestDeadlineMs,
    production: config.production,
    formatError: (error) => {
      // Apollo strips `extensions.http` from its answers; a WebSocket message has no status to set.
      const { http: _status, ...extensions } = error.extensions ?? {};
      return errorFormatter({ ...error.toJSON(), extensions }, error);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${!host || host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}${GRAPHQL_PATH}`,
    server,
    changeFeed,
    stop: async () => {
      // Subscriptions first: their sockets are not the HTTP server's to drain, and their poller
      // reads the database main.ts closes next.
      changeFeed.stop();
      await subscriptions.close();
      await apollo.stop();
      metrics.close();
    },
  };
}

/**
 * The status of a GraphQL answer, by the GraphQL-over-HTTP spec: Apollo answers a bad request
 * 400 whatever the client accepts, and a database outage 200; `application/json` clients get 200
 * for a well-formed request that failed (they read `errors`), `application/graphql-response+json`
 * ones get 503 when Neo4j is down and nothing could be answered. Credentials' errors carry 401
 * (UNAUTHENTICATED) and 403 (FORBIDDEN): kept for graphql-response+json clients unless part of
 * the answer holds data, 200 for application/json ones.
 */
export function statusOf(status: number, contentType: string, exchange: Pick<Exchange, 'errorCodes' | 'hasData'>): number {
  const legacy = contentType.startsWith('application/json');
  const codes = exchange.errorCodes;
  if (legacy && status === 400 && codes.length > 0 && codes.every((code) => REQUEST_ERRORS.has(code))) return 200;
  if ((status === 401 || status === 403) && (legacy || exchange.hasData)) return 200;
  if (!legacy && status === 200 && !exchange.hasData && codes.includes(ErrorCode.SERVICE_UNAVAILABLE)) return 503;
  return status;
}

/** Past a request's deadline by this much, its answer is given up on (Neo4j's own abort usually comes first). */
const DEADLINE_GRACE_MS = 200;

/** The work's result, or 'late' once `ms` have passed (the work goes on, its result ignored). */
function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
