import { Neo4jError } from 'neo4j-driver';

/**
 * The database's failures that a caller can act on, in the database's own terms. The API layer
 * gives each kind its `extensions.code` (src/common/errors.ts); a CLI prints the message.
 */
export type DatabaseErrorKind =
  /** Neo4j cannot be reached (or is restarting); trying again later may work. */
  | 'unavailable'
  /** The work ran past its transaction timeout and was aborted. */
  | 'timeout'
  /** A write clashed with a uniqueness constraint. */
  | 'conflict';

export class DatabaseError extends Error {
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** Neo4j's failures a caller can act on become DatabaseErrors; anything else passes as it is. */
export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new DatabaseError('unavailable', 'The graph database cannot be reached right now; try again shortly.');
  }
  if (code.includes('TransactionTimedOut')) {
    return new DatabaseError('timeout', 'The query took longer than its time limit; narrow it (fewer hops, a smaller page) and try again.');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DatabaseError('conflict', `A write clashed with stored data: ${error.message}`);
  }
  return error;
}
