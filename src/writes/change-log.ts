import { randomUUID } from 'node:crypto';
import { Database, Tx } from '../db/database';
import { Label } from '../model/graph';
import { CHANGE_ID_PREFIX } from '../model/ids';

/**
 * The write side of the change feed. Every mutation appends one change per entity it touched, in
 * its own transaction, as its last statement; a bulk import appends one IMPORT change for its run.
 *
 *   (:Change {id, sequence, at, actor, operation, entityType, entityId, fields})
 *
 * `fields` is the JSON text of [{field, before, after}] (properties cannot hold maps).
 *
 * Sequence numbers come from the one GraphState node, under its write lock, which is held from
 * this statement until the transaction commits. So a transaction that took number n commits before
 * any other can take n + 1, and a reader asking for `sequence > last` never skips a change still
 * being committed: the feed is gap-free and in commit order. The lock is taken last, so concurrent
 * mutations run side by side and queue only for their commit.
 */
export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'MERGE' | 'IMPORT';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangeRecord {
  operation: ChangeOperation;
  /** The entity's label; null for an IMPORT. */
  entityType: Label | null;
  entityId: string | null;
  fields: FieldChange[];
}

/** Who wrote, and when: stamped on the entities and changes of one mutation or import. */
export interface Authorship {
  actor: string;
  at: string;
}

const APPEND = `
  MERGE (state:GraphState {key: 'graph'})
  SET state.locked = true
  WITH state
  SET state.sequence = coalesce(state.sequence, 0) + size($changes), state.stamp = $stamp
  REMOVE state.locked
  WITH state.sequence - size($changes) AS base
  UNWIND range(0, size($changes) - 1) AS i
  WITH base + i + 1 AS sequence, $changes[i] AS change
  CREATE (c:Change {id: $idPrefix + toString(sequence), sequence: sequence, at: $at, actor: $actor,
                    operation: change.operation, entityType: change.entityType, entityId: change.entityId,
                    fields: change.fields})
  RETURN sequence`;

/** Appends `changes` in the caller's transaction (its last statement) and gives the graph a new stamp. */
export async function appendChanges(tx: Tx, changes: readonly ChangeRecord[], by: Authorship): Promise<number[]> {
  if (changes.length === 0) return [];
  const rows = await tx.run<{ sequence: number }>(APPEND, {
    changes: changes.map((change) => ({ ...change, fields: JSON.stringify(change.fields) })),
    actor: by.actor,
    at: by.at,
    stamp: randomUUID(),
    idPrefix: CHANGE_ID_PREFIX,
  });
  return rows.map((row) => row.sequence);
}

/** The one IMPORT change of a bulk import run, with its counts as the fields (before: null). */
export function importChange(counts: Record<string, number>): ChangeRecord {
  return { operation: 'IMPORT', entityType: null, entityId: null, fields: Object.entries(counts).map(([field, after]) => ({ field, before: null, after })) };
}

/** Appends a run's IMPORT change in a transaction of its own, for imports written in many. */
export async function recordImport(db: Database, actor: string, counts: Record<string, number>): Promise<void> {
  await db.writeTx((tx) => appendChanges(tx, [importChange(counts)], { actor, at: now() }));
}

/** Instants as stored: ISO-8601 in UTC with milliseconds, which sort as text in time order. */
export function now(): string {
  return new Date().toISOString();
}

/** The fields whose value differs between `before` and `after`, among `fields`, as the feed stores them. */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const is = after?.[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes.push({ field, before: was, after: is });
  }
  return changes;
}
