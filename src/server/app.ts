import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DocumentNode, GraphQLError, GraphQLFormattedError, validate } from 'graphql';
import { Config } from '../config';
import { unwrapResolverError } from '@apollo/server/errors';
import { codeOfDatabaseError, ErrorCode } from '../common/errors';
import { Database } from '../db/database';
import { buildReelgraphSchema } from '../schema/build';
import { Context, createLoaders } from './context';
import { serveExplorer } from './explorer';
import { serveGraphiql } from './graphiql';
import { costLimitRule, depthLimitRule } from './limits';

export const GRAPHQL_PATH = '/graphql';
const MAX_BODY_BYTES = 1 << 20;

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
  /** Stops taking requests, lets those in flight finish, then returns (the caller closes the db). */
  stop(): Promise<void>;
}

export type AppConfig = Pick<Config, 'port' | 'production' | 'maxQueryDepth' | 'maxQueryCost'>;

/**
 * Depth and cost limits run once the operation is known and before anything executes. Not as
 * Apollo validation rules: the cost needs the request's variables (a `first: $n`), and Apollo
 * would relabel both errors GRAPHQL_VALIDATION_FAILED, hiding which limit was hit.
 */
function limitsPlugin(maxDepth: number, maxCost: number): ApolloServerPlugin<Context> {
  // Apollo hands back the same document object for a query it has seen, and the verdict depends
  // on the document and its non-text variables only (the page sizes), so a client repeating one
  // query with different slugs is checked once: the walk costs a tenth of a millisecond.
  const verdicts = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const sizes = JSON.stringify(request.variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? undefined : value));
          const known = verdicts.get(document) ?? new Map<string, GraphQLError | null>();
          verdicts.set(document, known);
          let verdict = known.get(sizes);
          if (verdict === undefined) {
            const rules = [depthLimitRule(maxDepth), costLimitRule(maxCost, () => request.variables ?? {})];
            verdict = validate(schema, document, rules)[0] ?? null;
            if (known.size < 100) known.set(sizes, verdict);
          }
          // A fresh error each time: Apollo may annotate what it is handed.
          if (verdict) throw new GraphQLError(verdict.message, { nodes: verdict.nodes, extensions: { ...verdict.extensions } });
        },
      };
    },
  };
}

/**
 * Unknown failures become INTERNAL_SERVER_ERROR; in production their message and stack are
 * hidden, since they may carry database details. Our own codes pass through as they are.
 */
export function formatError(production: boolean) {
  const known = new Set<string>(Object.values(ErrorCode));
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The database layer knows nothing of GraphQL: its failures get their codes here.
    const databaseCode = codeOfDatabaseError(unwrapResolverError(error));
    if (databaseCode) return { ...formatted, extensions: { ...(production ? {} : formatted.extensions), code: databaseCode } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && known.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    if (typeof code === 'string' && code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') {
      return formatted;
    }
    return {
      ...formatted,
      message: production ? 'Internal server error' : formatted.message,
      extensions: { ...(production ? {} : formatted.extensions), code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** `host` unset listens on every interface (IPv4 and IPv6), so http://localhost works either way. */
export async function startApp(db: Database, config: AppConfig, host?: string): Promise<App> {
  const server = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema: buildReelgraphSchema(),
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatError(config.production),
    // Introspection stays on in production: the schema is public and GraphiQL needs it.
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: it must stop Apollo, then the driver, then Neo4j, in that order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // The default cache-control plugin wraps every field's resolver to read @cacheControl hints
      // we never set; on a film page that is hundreds of wrapped calls per request.
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(config.maxQueryDepth, config.maxQueryCost),
    ],
  });
  await apollo.start();

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only a bug in the handler itself reaches here; the process must keep serving others.
      console.error('request failed outside GraphQL:', error);
      if (!res.headersSent) send(res, 500, { error: 'Internal server error' });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const neo4jUp = await db.ping();
      send(res, neo4jUp ? 200 : 503, { status: neo4jUp ? 'ok' : 'degraded', api: 'up', neo4j: neo4jUp ? 'up' : 'down' });
      return;
    }
    if (serveGraphiql(req, res, { endpoint: GRAPHQL_PATH, exampleQuery: EXAMPLE_QUERY })) return;
    if (await serveExplorer(req, res)) return;
    if (url.pathname !== GRAPHQL_PATH) {
      send(res, 404, { error: `Nothing at ${url.pathname}; the GraphQL endpoint is ${GRAPHQL_PATH}` });
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      send(res, 413, { errors: [{ message: `Request body above ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    let parsed: unknown;
    try {
      parsed = body.length > 0 ? JSON.parse(body) : undefined;
    } catch {
      send(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
      context: async () => ({ db, loaders: createLoaders(db) }),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    // The same URL answers browsers with GraphiQL, so caches must keep the two apart.
    res.setHeader('vary', 'accept');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${!host || host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}${GRAPHQL_PATH}`,
    server,
    stop: () => apollo.stop(),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The whole body as text, or undefined when it passes the size limit. */
function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
