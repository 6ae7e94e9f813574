import { ApolloServerPlugin } from '@apollo/server';
import { ASTVisitor, DocumentNode, GraphQLError, GraphQLSchema, Kind, ValidationContext } from 'graphql';
import { ErrorCode } from '../../common/errors';
import type { Context } from '../context';
import { RateLimiter } from '../rate-limit';
import { measureQuery, QueryMeasure } from './measure';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
}

/** A client error of the limits: 400 to graphql-response+json clients, 200 to application/json ones (see app.ts). */
function limitError(code: ErrorCode, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/** The first limit a measured query breaks, as the error to answer with; null when it keeps them all. */
function broken(measure: QueryMeasure, limits: QueryLimits): GraphQLError | null {
  if (measure.depth > limits.maxDepth) {
    return limitError(
      ErrorCode.QUERY_TOO_DEEP,
      `The query is ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed (MAX_QUERY_DEPTH). Ask for fewer nested levels, or start a second query from the entities at the edge.`,
      { depth: measure.depth, maxDepth: limits.maxDepth },
    );
  }
  if (measure.aliases > limits.maxAliases) {
    return limitError(
      ErrorCode.QUERY_TOO_LARGE,
      `The query has ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed (MAX_QUERY_ALIASES). Use a list field (nodes(ids:), films(filter:)) instead of one alias per item.`,
      { aliases: measure.aliases, maxAliases: limits.maxAliases },
    );
  }
  if (measure.directives > limits.maxDirectives) {
    return limitError(
      ErrorCode.QUERY_TOO_LARGE,
      `The query has ${measure.directives} directives; at most ${limits.maxDirectives} are allowed (MAX_QUERY_DIRECTIVES).`,
      { directives: measure.directives, maxDirectives: limits.maxDirectives },
    );
  }
  if (measure.cost > limits.maxCost) {
    return limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query would cost ${measure.cost} units; at most ${limits.maxCost} are allowed (MAX_QUERY_COST). Ask for smaller pages (first) or fewer nested lists.`,
      { cost: measure.cost, maxCost: limits.maxCost },
    );
  }
  return null;
}

/**
 * The first limit a document breaks, measured afresh: for operations that do not pass through
 * Apollo (subscriptions over WebSocket, see server/subscriptions.ts).
 */
export function brokenLimit(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  limits: QueryLimits,
): GraphQLError | null {
  return broken(measureQuery(schema, document, variables, operationName), limits);
}

/**
 * Limits run once the operation is known and before anything executes. Not as Apollo validation
 * rules: the cost needs the request's variables (a `first: $n`), and Apollo would relabel every
 * error GRAPHQL_VALIDATION_FAILED, hiding which limit was hit. The cost a query is charged is
 * its measured cost, published on every answer as `extensions.cost` and spent from the client's
 * rate budget.
 */
export function limitsPlugin(limits: QueryLimits, rates: RateLimiter): ApolloServerPlugin<Context> {
  // Apollo hands back the same document object for a query it has seen, and the measure depends
  // on the document and its non-text variables only (the page sizes), so a client repeating one
  // query with different slugs is measured once: the walk costs a tenth of a millisecond.
  const measures = new WeakMap<DocumentNode, Map<string, QueryMeasure>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, contextValue, operationName }) {
          const sizes = JSON.stringify(request.variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? undefined : value));
          const known = measures.get(document) ?? new Map<string, QueryMeasure>();
          measures.set(document, known);
          const key = `${operationName ?? ''}\u0000${sizes}`;
          let measure = known.get(key);
          if (!measure) {
            measure = measureQuery(schema, document, request.variables ?? {}, operationName);
            if (known.size < 100) known.set(key, measure);
          }
          const exchange = contextValue.exchange;
          exchange.cost = measure.cost;
          const error = broken(measure, limits);
          if (error) throw error;
          if (rates.enabled) {
            const verdict = rates.charge(exchange.client, measure.cost);
            exchange.rate = verdict;
            if (!verdict.allowed) {
              throw new GraphQLError(
                `This client has ${verdict.remaining} of its ${verdict.limit} cost points a minute left, and the query costs ${measure.cost}; try again in ${verdict.resetSeconds} s (RATE_LIMIT_PER_MINUTE).`,
                {
                  extensions: {
                    code: ErrorCode.RATE_LIMITED,
                    cost: measure.cost,
                    retryAfterSeconds: verdict.resetSeconds,
                    http: { status: 429, headers: new Map([['retry-after', String(verdict.resetSeconds)]]) },
                  },
                },
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          const exchange = contextValue.exchange;
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          exchange.errorCodes = (result.errors ?? []).map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          // An answer whose every root field is null answered nothing (a film page while Neo4j is down).
          exchange.hasData = result.data !== undefined && result.data !== null && Object.values(result.data).some((value) => value !== null);
          if (exchange.cost !== undefined) {
            result.extensions = { ...result.extensions, cost: { requested: exchange.cost, limit: limits.maxCost } };
          }
          if (exchange.rate) {
            response.http.headers.set('ratelimit-limit', String(exchange.rate.limit));
            response.http.headers.set('ratelimit-remaining', String(exchange.rate.remaining));
            response.http.headers.set('ratelimit-reset', String(exchange.rate.resetSeconds));
          }
        },
      };
    },
  };
}

/**
 * A document asking for an operation type the schema does not have (a mutation of a read-only
 * schema) is invalid: graphql-js only finds out while executing, and answers as a server failure.
 */
export function knownOperationTypeRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[node.operation];
      if (!root) {
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: [node] }));
      }
      return node.kind === Kind.OPERATION_DEFINITION ? false : undefined;
    },
  };
}

/**
 * For HTTP only: a subscription sent there would run as a query and fail on its null root. The
 * feed is followed over WebSocket at the same URL (server/subscriptions.ts), or by polling
 * `Query.changes(after:)`.
 */
export function subscriptionOverHttpRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(
          new GraphQLError('Subscriptions are served over WebSocket (the graphql-transport-ws protocol, e.g. the graphql-ws client) at this same URL; over HTTP, poll Query.changes(after:).', { nodes: [node] }),
        );
      }
      return false;
    },
  };
}
