import { GraphQLError } from 'graphql';
import { DatabaseError, DatabaseErrorKind } from '../db/errors';

/**
 * The fixed list of `extensions.code`s Reelgraph answers with. Clients may switch on these;
 * adding one is an API change, renaming one is a breaking change.
 */
export const ErrorCode = {
  /** An argument is malformed or out of range; the message names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The query is deeper than the configured limit. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The query's declared cost is above the configured limit. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The query spells out more aliases, directives or tokens than allowed. */
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  /** The client has spent its cost budget for this minute; `Retry-After` says when to come back. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database did not finish within the query's time budget. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** The database cannot be reached. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The request has no credentials where they are needed, or bad ones (an unknown or revoked key, a bad or expired JWT). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The credentials are good but their role may not do this; the message names the role needed. */
  FORBIDDEN: 'FORBIDDEN',
  /** A write clashed with stored data (a uniqueness constraint). */
  CONFLICT: 'CONFLICT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ReelgraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export function badInput(message: string, argument?: string): ReelgraphError {
  return new ReelgraphError(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
}

/**
 * Missing or bad credentials. The status (401) is for application/graphql-response+json clients;
 * app.ts answers application/json ones 200, as for any request error, and adds WWW-Authenticate.
 */
export function unauthenticated(message: string): ReelgraphError {
  return new ReelgraphError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

/** Good credentials whose role is too low: 403 to application/graphql-response+json clients. */
export function forbidden(message: string, needed: string, role: string): ReelgraphError {
  return new ReelgraphError(ErrorCode.FORBIDDEN, message, { neededRole: needed, role, http: { status: 403 } });
}

const CODE_OF_KIND: Record<DatabaseErrorKind, ErrorCode> = {
  unavailable: ErrorCode.SERVICE_UNAVAILABLE,
  timeout: ErrorCode.QUERY_TIMEOUT,
  conflict: ErrorCode.CONFLICT,
};

/** The code a failure of the database layer answers with; undefined for anything else. */
export function codeOfDatabaseError(error: unknown): ErrorCode | undefined {
  return error instanceof DatabaseError ? CODE_OF_KIND[error.kind] : undefined;
}
