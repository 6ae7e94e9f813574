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
  /** The database did not finish within the query's time budget. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** The database cannot be reached. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
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

const CODE_OF_KIND: Record<DatabaseErrorKind, ErrorCode> = {
  unavailable: ErrorCode.SERVICE_UNAVAILABLE,
  timeout: ErrorCode.QUERY_TIMEOUT,
  conflict: ErrorCode.CONFLICT,
};

/** The code a failure of the database layer answers with; undefined for anything else. */
export function codeOfDatabaseError(error: unknown): ErrorCode | undefined {
  return error instanceof DatabaseError ? CODE_OF_KIND[error.kind] : undefined;
}
