import { Database, Tx } from '../db/database';
import { appendChanges, Authorship, ChangeRecord, now } from './change-log';
import { Rejection, UserError } from './user-error';

/**
 * What one mutation's work is given: its transaction, who writes and when (one instant for every
 * entity and change it touches), and `record` for each change, appended when the work is done.
 */
export interface Write {
  tx: Tx;
  by: Authorship;
  record(change: ChangeRecord): void;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/**
 * Runs a mutation's work in one write transaction, with its changes appended as the last statement,
 * so the entity, its audit trail and the feed commit together or not at all. A Rejection thrown by
 * the work (or by validation before it) rolls everything back and becomes the payload's userErrors.
 * The work may run again after a transient failure (a deadlock), so it keeps no state outside it.
 */
export async function inWrite<T>(db: Database, actor: string, work: (write: Write) => Promise<T>): Promise<Outcome<T>> {
  try {
    const value = await db.writeTx(async (tx) => {
      const changes: ChangeRecord[] = [];
      const by = { actor, at: now() };
      const result = await work({ tx, by, record: (change) => changes.push(change) });
      await appendChanges(tx, changes, by);
      return result;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, userErrors: error.userErrors };
    throw error;
  }
}
