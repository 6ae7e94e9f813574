import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { ApiKeyStore } from '../auth/api-keys';
import { Authenticator } from '../auth/authenticator';
import { JwtVerifier } from '../auth/jwt';
import type { Viewer } from '../auth/viewer';
import { ChangeFeed } from '../changes/change.feed';
import { ErrorCode } from '../common/errors';
import { Database } from '../db/database';
import { Context, createLoaders } from './context';
import { brokenLimit, knownOperationTypeRule, QueryLimits } from './limits';

export interface SubscriptionOptions {
  server: http.Server;
  path: string;
  db: Database;
  schema: GraphQLSchema;
  feed: ChangeFeed;
  jwt: JwtVerifier | undefined;
  publicRead: boolean;
  limits: QueryLimits;
  maxQueryTokens: number;
  /** Largest message a client may send, like the HTTP body limit. */
  maxPayloadBytes: number;
  /** Each pushed change's own budget for database work (its `entity` and the like). */
  eventDeadlineMs: number;
  /** The HTTP edge's error formatting (app.ts), so both answer the same codes and hide the same details. */
  formatError: (error: GraphQLError) => GraphQLFormattedError;
  production: boolean;
}

export interface Subscriptions {
  /** Closes every socket (going away), ends their subscriptions and stops taking new ones. */
  close(): Promise<void>;
}

/** What a connection proved at connection_init: kept for all its subscriptions. */
interface Connection {
  viewer: Viewer;
  client: string;
}

/** Sockets that do not answer the close handshake within this are cut. */
const CLOSE_GRACE_MS = 2_000;

/** A close reason is at most 123 bytes (RFC 6455, 5.5); a longer message is cut. */
function closeReason(message: string): string {
  let reason = message;
  while (Buffer.byteLength(reason) > 123) reason = `${reason.slice(0, -2)}…`;
  return reason;
}

/** The credentials of connection_init (`Authorization` or `authorization`), else the upgrade request's header. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined, request: http.IncomingMessage): string | undefined {
  const given = params?.Authorization ?? params?.authorization;
  if (typeof given === 'string') return given;
  return request.headers.authorization;
}

function requestError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * `Subscription.changes` over WebSocket (the graphql-transport-ws protocol, by graphql-ws), on
 * the HTTP server's own port and path. The HTTP edge's Apollo plugins never see these operations,
 * so what they check is checked here: the credentials once per connection (bad ones close it with
 * 4401, as does no credentials when reads are not public), the query's depth, cost, aliases and
 * directives once per subscription. Queries and mutations stay on HTTP, where the rate budget,
 * logs and status codes are.
 *
 * Each subscription's context holds the database without a deadline (it lives as long as the
 * socket); each change it pushes runs in a context of its own with fresh loaders and its own
 * deadline, so nothing read for one change is served, stale, for the next.
 */
export function serveSubscriptions(options: SubscriptionOptions): Subscriptions {
  const { db, schema, feed, limits } = options;
  const wss = new WebSocketServer({ server: options.server, path: options.path, maxPayload: options.maxPayloadBytes });
  const connections = new WeakMap<object, Connection>();
  const rules = [...specifiedRules, knownOperationTypeRule];

  const contextOf = (connection: Connection): Context => ({
    db,
    loaders: createLoaders(db),
    exchange: { id: randomUUID(), client: connection.client, authenticated: connection.viewer.via !== 'anonymous', errorCodes: [], hasData: false },
    viewer: () => Promise.resolve(connection.viewer),
    changeFeed: feed,
  });

  const server = useServer(
    {
      schema,
      isProd: options.production,
      async onConnect(ctx) {
        const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request);
        const authenticator = new Authenticator(new ApiKeyStore(db.until(Date.now() + options.eventDeadlineMs)), options.jwt);
        // Closed here rather than by throwing: graphql-ws words a thrown error 4500 and, in production, hides it.
        const refuse = (message: string): false => {
          ctx.extra.socket.close(CloseCode.Unauthorized, closeReason(message));
          return false;
        };
        let viewer: Viewer;
        try {
          viewer = await authenticator.authenticate(authorization);
        } catch (error) {
          if (error instanceof GraphQLError) return refuse(error.message);
          throw error;
        }
        if (!options.publicRead && viewer.via === 'anonymous') {
          return refuse("This server answers only requests with credentials: send { Authorization: 'Bearer <API key or JWT>' } in connection_init");
        }
        connections.set(ctx, { viewer, client: viewer.via === 'anonymous' ? `address:${ctx.extra.request.socket.remoteAddress ?? 'unknown'}` : `${viewer.via}:${viewer.name ?? ''}` });
        return true;
      },

      onSubscribe(ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] {
        const connection = connections.get(ctx);
        if (!connection) return [requestError(ErrorCode.UNAUTHENTICATED, 'The connection was not acknowledged')];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxQueryTokens });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [requestError(/Document contains more th\w+ \d+ tokens/.test(message) ? ErrorCode.QUERY_TOO_LARGE : ErrorCode.GRAPHQL_PARSE_FAILED, message)];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((error) => requestError(ErrorCode.GRAPHQL_VALIDATION_FAILED, error.message));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [requestError(ErrorCode.GRAPHQL_VALIDATION_FAILED, `Only subscriptions are served over WebSocket; send queries and mutations to POST ${options.path}`)];
        }
        const broken = brokenLimit(schema, document, payload.variables ?? {}, payload.operationName, limits);
        if (broken) return [broken];
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: contextOf(connection) };
      },

      // graphql-js's own subscribe, but each event executed in a fresh context (see above).
      async subscribe(args: ExecutionArgs) {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const subscription = args.contextValue as Context;
        return mapEvents(stream, (event) => {
          const eventDb = db.until(Date.now() + options.eventDeadlineMs);
          const contextValue: Context = { ...subscription, db: eventDb, loaders: createLoaders(eventDb), exchange: { ...subscription.exchange, id: randomUUID(), errorCodes: [] } };
          return execute({ ...args, rootValue: event, contextValue }) as Promise<ExecutionResult>;
        });
      },

      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((error) => options.formatError(error as GraphQLError)) };
      },

      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => options.formatError(error));
      },
    },
    wss,
  );

  return {
    async close() {
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      try {
        await server.dispose();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Each event of `source` through `map`, one at a time; ending the result ends the source. */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (event: T) => Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
