import { Label } from '../model/graph';
import { Authorship } from './change-log';
import { reject, rejectAll } from './user-error';
import { Checks } from './validate';
import { Write } from './write';

/**
 * Every entity has a `version` (1 when created) that every write raises by one, and records who
 * made and last changed it: createdAt/createdBy, updatedAt/updatedBy.
 */
export function created(by: Authorship): Record<string, unknown> {
  return { version: 1, createdAt: by.at, createdBy: by.actor, updatedAt: by.at, updatedBy: by.actor };
}

/**
 * Takes the entity's write lock by raising its version, first thing in the transaction, and
 * returns its stored properties as they were. Later readers wait for this transaction, so two
 * writers never both see one version: with `expectedVersion` one of them wins and the other is
 * STALE, and without it neither update is lost. Unknown ids are NOT_FOUND on `path`.
 */
export async function lockEntity(
  write: Write,
  label: Label,
  id: string,
  path: string,
  expectedVersion?: number | null,
): Promise<Record<string, any>> {
  const [row] = await write.tx.run<{ before: Record<string, any> }>(
    `MATCH (n:${label} {id: $id})
     SET n.version = coalesce(n.version, 1) + 1, n.updatedAt = $at, n.updatedBy = $actor
     RETURN n {.*, version: n.version - 1} AS before`,
    { id, at: write.by.at, actor: write.by.actor },
  );
  if (!row) reject('NOT_FOUND', [path], `No ${label.toLowerCase()} has the id "${id}"`);
  if (expectedVersion !== undefined && expectedVersion !== null && row.before.version !== expectedVersion) {
    reject('STALE', ['expectedVersion'], `The ${label.toLowerCase()} is at version ${row.before.version}, not ${expectedVersion}: it changed since it was read; read it again and retry`);
  }
  return row.before;
}

/** An update's or delete's id, checked before anything is read: INVALID on `id` unless it is one of `label`'s. */
export function checkEntityId(label: Label, id: string): void {
  const checks = new Checks();
  checks.id(['id'], id, label);
  rejectAll(checks.errors);
}

/**
 * How every update and delete opens: the id checked, then `validate` (the input's own checks,
 * which need no read), then the entity locked at `expectedVersion` (see lockEntity). Returns its
 * stored properties as they were.
 */
export async function openEntity(
  write: Write,
  label: Label,
  input: { id: string; expectedVersion?: number | null },
  validate?: () => void,
): Promise<Record<string, any>> {
  checkEntityId(label, input.id);
  validate?.();
  return lockEntity(write, label, input.id, 'id', input.expectedVersion);
}

/** Takes an entity's write lock without changing it (a film whose cast is renumbered); false when it is not there. */
export async function lockOnly(write: Write, label: Label, id: string): Promise<boolean> {
  const rows = await write.tx.run(`MATCH (n:${label} {id: $id}) SET n.locked = true REMOVE n.locked RETURN n.id AS id`, { id });
  return rows.length > 0;
}

/**
 * Whether writing the map `props` to `variable` would change any of its values: a bulk write
 * that finds an entity as it already is leaves its version and audit fields alone.
 */
export function changesAny(variable: string, props: string): string {
  return `any(key IN keys(${props}) WHERE NOT coalesce(${variable}[key] = ${props}[key], ${variable}[key] IS NULL AND ${props}[key] IS NULL))`;
}

/**
 * The audit of a bulk write, in two parts. Right after `MERGE (variable …)`: a new entity is
 * stamped as made by `$by` (an Authorship), at version 0 until the second part raises it.
 */
export function createdOnMerge(variable: string): string {
  return `ON CREATE SET ${variable}.version = 0, ${variable}.createdAt = $by.at, ${variable}.createdBy = $by.actor`;
}

/**
 * Then, before the entity is given `props` (a map expression over variables in scope): its
 * version rises by one, and updatedAt/updatedBy are set, only when `props` changes a value, so
 * importing the same files twice changes nothing. `carry` lists the variables the query goes on
 * with.
 */
export function auditIfChanged(variable: string, props: string, carry: string): string {
  return `WITH ${carry}, ${changesAny(variable, props)} AS changed
    SET ${variable}.version = coalesce(${variable}.version, 1) + CASE WHEN changed THEN 1 ELSE 0 END,
        ${variable}.updatedAt = CASE WHEN changed THEN $by.at ELSE ${variable}.updatedAt END,
        ${variable}.updatedBy = CASE WHEN changed THEN $by.actor ELSE ${variable}.updatedBy END`;
}

/**
 * The opening of a merge of `from` into `into`: both ids of `label`'s kind, not the same entity,
 * both locked in id order (so two merges of one pair the other way round cannot deadlock), and
 * their stored properties as they were. `itself` words the refusal of a merge into itself.
 */
export async function lockMergePair(
  write: Write,
  label: Label,
  input: { into: string; from: string },
  itself: string,
): Promise<{ into: Record<string, any>; from: Record<string, any> }> {
  const checks = new Checks();
  checks.id(['into'], input.into, label);
  checks.id(['from'], input.from, label);
  rejectAll(checks.errors);
  if (input.into === input.from) reject('CONFLICT', ['from'], itself);
  const locked = new Map<string, Record<string, any>>();
  for (const id of [input.into, input.from].sort()) locked.set(id, await lockEntity(write, label, id, id === input.into ? 'into' : 'from'));
  return { into: locked.get(input.into)!, from: locked.get(input.from)! };
}
