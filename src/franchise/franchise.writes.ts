import { FranchiseEntryKindName } from '../model/roles';
import { FieldChange, fieldChanges } from '../writes/change-log';
import { namedWrites } from '../writes/named';
import { reject, rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { created, lockEntity, openEntity } from '../writes/versions';
import { Write } from '../writes/write';

/** What a writer may set on a franchise; a field left out (undefined) is left as it is, null clears it. */
export interface FranchiseChanges {
  name?: string | null;
  description?: string | null;
  /** The franchise it sits inside; null makes it top-level. */
  parent?: string | null;
}

/** A few words, not an article: what the franchise page shows under its name. */
export const MAX_DESCRIPTION_LENGTH = 2000;

const FEED_FIELDS = ['name', 'slug', 'description', 'parent'] as const;

interface FranchiseState {
  name: string;
  slug: string;
  description: string | null;
  parent: string | null;
}

/** A film's place in a franchise as the feed reports it, under the field `entry:<film id>`. */
export interface EntryState {
  kind: FranchiseEntryKindName;
  chronologicalOrder: number | null;
}

function checkFranchise(changes: FranchiseChanges, creating: boolean): void {
  const checks = new Checks();
  if (creating || changes.name !== undefined) checks.name('name', changes.name ?? null, 'name');
  checks.text('description', changes.description, 'description', MAX_DESCRIPTION_LENGTH);
  checks.id(['parent'], changes.parent, 'Franchise');
  rejectAll(checks.errors);
}

async function stateOf(write: Write, id: string, stored: Record<string, any>): Promise<FranchiseState> {
  const [row] = await write.tx.run<{ parent: string | null }>(`OPTIONAL MATCH (:Franchise {id: $id})-[:PART_OF]->(p:Franchise) RETURN p.id AS parent`, { id });
  return { name: stored.name, slug: stored.slug, description: stored.description ?? null, parent: row?.parent ?? null };
}

/**
 * Takes the write locks of `parent` and of every franchise it sits inside, up to the top, and
 * fails when `self` is among them: nesting would make a loop. Locking the whole line up means two
 * nestings that together would close a loop queue for each other, so the second one sees the first.
 */
async function checkParent(write: Write, parent: string, self: string | null): Promise<void> {
  if (parent === self) reject('CONFLICT', ['parent'], 'A franchise cannot sit inside itself');
  const rows = await write.tx.run<{ id: string; slug: string }>(
    `MATCH (:Franchise {id: $parent})-[:PART_OF*0..]->(up:Franchise)
     WITH DISTINCT up
     SET up.locked = true REMOVE up.locked
     RETURN up.id AS id, up.slug AS slug`,
    { parent },
  );
  if (rows.length === 0) reject('NOT_FOUND', ['parent'], `No franchise has the id "${parent}"`);
  const loop = rows.find((row) => row.id === self);
  if (loop) reject('CONFLICT', ['parent'], `The franchise "${rows[0].slug}" sits inside this one (${loop.slug}): nesting this one inside it would make a loop`);
}

/** Replaces the franchise's PART_OF link with one to `parent` (none when null). */
async function storeParent(write: Write, id: string, parent: string | null): Promise<void> {
  await write.tx.run(
    `MATCH (f:Franchise {id: $id})
     OPTIONAL MATCH (f)-[old:PART_OF]->()
     DELETE old
     WITH DISTINCT f WHERE $parent IS NOT NULL
     MATCH (p:Franchise {id: $parent})
     MERGE (f)-[:PART_OF]->(p)`,
    { id, parent },
  );
}

async function entryOf(write: Write, franchise: string, film: string): Promise<EntryState | null> {
  const [row] = await write.tx.run<{ entry: EntryState }>(
    `MATCH (:Film {id: $film})-[e:IN_FRANCHISE]->(:Franchise {id: $franchise}) RETURN {kind: e.kind, chronologicalOrder: e.chronologicalOrder} AS entry`,
    { film, franchise },
  );
  return row?.entry ?? null;
}

/** The franchise's last place in the story's timeline, 0 when no entry has one. */
async function lastOrder(write: Write, franchise: string): Promise<number> {
  const [row] = await write.tx.run<{ last: number | null }>(
    `MATCH (:Film)-[e:IN_FRANCHISE]->(:Franchise {id: $franchise}) RETURN max(e.chronologicalOrder) AS last`,
    { franchise },
  );
  return row?.last ?? 0;
}

/**
 * Moves the entries placed from `from` to `upTo` (inclusive; open-ended when null) by `delta` in
 * the story's timeline, the film `except` aside; returns each move as the feed reports it.
 */
async function shiftEntries(write: Write, franchise: string, from: number, upTo: number | null, delta: 1 | -1, except: string): Promise<FieldChange[]> {
  const rows = await write.tx.run<{ film: string; kind: FranchiseEntryKindName; after: number }>(
    `MATCH (f:Film)-[e:IN_FRANCHISE]->(:Franchise {id: $franchise})
     WHERE e.chronologicalOrder >= $from AND ($upTo IS NULL OR e.chronologicalOrder <= $upTo) AND f.id <> $except
     SET e.chronologicalOrder = e.chronologicalOrder + $delta
     RETURN f.id AS film, e.kind AS kind, e.chronologicalOrder AS after ORDER BY after`,
    { franchise, from, upTo, delta, except },
  );
  return rows.map((row) => ({
    field: `entry:${row.film}`,
    before: { kind: row.kind, chronologicalOrder: row.after - delta },
    after: { kind: row.kind, chronologicalOrder: row.after },
  }));
}

/**
 * Takes a film out of its place `from` and into `to` (either null: no place): the entries between
 * move up or down one, so the timeline keeps no gap and no number twice.
 */
async function moveInTimeline(write: Write, franchise: string, film: string, from: number | null, to: number | null): Promise<FieldChange[]> {
  if (from === to) return [];
  if (from === null) return shiftEntries(write, franchise, to!, null, 1, film);
  if (to === null) return shiftEntries(write, franchise, from + 1, null, -1, film);
  return from < to ? shiftEntries(write, franchise, from + 1, to, -1, film) : shiftEntries(write, franchise, to, from - 1, 1, film);
}

function entryChange(film: string, before: EntryState | null, after: EntryState | null): FieldChange {
  return { field: `entry:${film}`, before, after };
}

/**
 * The writes of franchises and their entries. A franchise's entries are part of it: setting or
 * removing one takes the franchise's write lock first (raising its version, as any write to it
 * does), so concurrent changes to one timeline queue up instead of doubling a number, and the
 * feed records them as UPDATEs of the franchise, one field `entry:<film id>` per entry touched.
 */
export const franchiseWrites = {
  async create(write: Write, input: FranchiseChanges & { name: string }): Promise<string> {
    checkFranchise(input, true);
    if (input.parent) await checkParent(write, input.parent, null);
    const description = input.description ?? null;
    const { id, name, slug } = await namedWrites.insert(write, 'Franchise', input.name, { description }, created(write.by));
    const parent = input.parent ?? null;
    await storeParent(write, id, parent);
    write.record({ operation: 'CREATE', entityType: 'Franchise', entityId: id, fields: fieldChanges(null, { name, slug, description, parent }, FEED_FIELDS) });
    return id;
  },

  async update(write: Write, input: FranchiseChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    const { id, expectedVersion, ...changes } = input;
    const stored = await openEntity(write, 'Franchise', input, () => checkFranchise(changes, false));
    const before = await stateOf(write, id, stored);
    if (changes.parent && changes.parent !== before.parent) await checkParent(write, changes.parent, id);
    const naming = await namedWrites.rename(write, 'Franchise', id, stored, changes.name ?? undefined);
    const after: FranchiseState = {
      ...naming,
      description: changes.description === undefined ? before.description : changes.description,
      parent: changes.parent === undefined ? before.parent : changes.parent,
    };
    await write.tx.run(`MATCH (f:Franchise {id: $id}) SET f.description = $description`, { id, description: after.description });
    if (after.parent !== before.parent) await storeParent(write, id, after.parent);
    write.record({ operation: 'UPDATE', entityType: 'Franchise', entityId: id, fields: fieldChanges({ ...before }, { ...after }, FEED_FIELDS) });
    return id;
  },

  /**
   * Deletes the franchise with its entries and nesting links: the franchises inside it become
   * top-level and its characters belong to none, each a write to them, recorded in the feed.
   */
  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    const stored = await openEntity(write, 'Franchise', input);
    const before = await stateOf(write, input.id, stored);
    const entries = await write.tx.run<{ film: string; entry: EntryState }>(
      `MATCH (f:Film)-[e:IN_FRANCHISE]->(:Franchise {id: $id})
       RETURN f.id AS film, {kind: e.kind, chronologicalOrder: e.chronologicalOrder} AS entry ORDER BY e.chronologicalOrder, f.id`,
      { id: input.id },
    );
    const unlinked = await write.tx.run<{ label: 'Franchise' | 'Character'; id: string }>(
      `MATCH (fr:Franchise {id: $id})
       CALL (fr) {
         MATCH (child:Franchise)-[link:PART_OF]->(fr)
         RETURN child AS n, link, 'Franchise' AS label
         UNION
         MATCH (c:Character)-[link:FROM_FRANCHISE]->(fr)
         RETURN c AS n, link, 'Character' AS label
       }
       SET n.version = coalesce(n.version, 1) + 1, n.updatedAt = $at, n.updatedBy = $actor
       DELETE link
       RETURN label, n.id AS id ORDER BY label, id`,
      { id: input.id, at: write.by.at, actor: write.by.actor },
    );
    await namedWrites.remove(write, 'Franchise', input.id);
    write.record({
      operation: 'DELETE',
      entityType: 'Franchise',
      entityId: input.id,
      fields: [...fieldChanges({ ...before }, null, FEED_FIELDS), ...entries.map((row) => entryChange(row.film, row.entry, null))],
    });
    for (const { label, id } of unlinked) {
      const field = label === 'Franchise' ? 'parent' : 'franchise';
      write.record({ operation: 'UPDATE', entityType: label, entityId: id, fields: [{ field, before: input.id, after: null }] });
    }
    return input.id;
  },

  /**
   * Files the film in the franchise, or changes its entry there (one per film and franchise).
   * `chronologicalOrder` left out keeps the entry's place (a new entry then has none: the story's
   * order is not guessed); null takes its place away; a number puts it there, past the last
   * becoming the last, and the entries at and after it move down one.
   */
  async setEntry(write: Write, input: { franchise: string; film: string; kind: FranchiseEntryKindName; chronologicalOrder?: number | null }): Promise<{ franchise: string; film: string }> {
    const checks = new Checks();
    checks.id(['franchise'], input.franchise, 'Franchise');
    checks.id(['film'], input.film, 'Film');
    checks.positive('chronologicalOrder', input.chronologicalOrder, 'chronologicalOrder');
    rejectAll(checks.errors);
    await lockEntity(write, 'Franchise', input.franchise, 'franchise');
    await namedWrites.mustExist(write, 'Film', input.film, 'film');
    const before = await entryOf(write, input.franchise, input.film);
    const was = before?.chronologicalOrder ?? null;
    let order = was;
    if (input.chronologicalOrder !== undefined && input.chronologicalOrder !== was) {
      const last = await lastOrder(write, input.franchise);
      // Placed already, the entry can move up to the last place; placed anew, one after it.
      order = input.chronologicalOrder === null ? null : Math.min(input.chronologicalOrder, was === null ? last + 1 : last);
    }
    const shifted = await moveInTimeline(write, input.franchise, input.film, was, order);
    const after: EntryState = { kind: input.kind, chronologicalOrder: order };
    await write.tx.run(
      `MATCH (f:Film {id: $film}), (fr:Franchise {id: $franchise})
       MERGE (f)-[e:IN_FRANCHISE]->(fr)
       SET e.kind = $after.kind, e.chronologicalOrder = $after.chronologicalOrder`,
      { film: input.film, franchise: input.franchise, after },
    );
    write.record({ operation: 'UPDATE', entityType: 'Franchise', entityId: input.franchise, fields: [entryChange(input.film, before, after), ...shifted] });
    return { franchise: input.franchise, film: input.film };
  },

  /** Takes the film out of the franchise; the entries after it in the story's timeline close ranks. */
  async removeEntry(write: Write, input: { franchise: string; film: string }): Promise<string> {
    const checks = new Checks();
    checks.id(['franchise'], input.franchise, 'Franchise');
    checks.id(['film'], input.film, 'Film');
    rejectAll(checks.errors);
    await lockEntity(write, 'Franchise', input.franchise, 'franchise');
    const before = await entryOf(write, input.franchise, input.film);
    if (!before) reject('NOT_FOUND', ['film'], `The film "${input.film}" is not filed in this franchise`);
    await write.tx.run(`MATCH (:Film {id: $film})-[e:IN_FRANCHISE]->(:Franchise {id: $franchise}) DELETE e`, input);
    const shifted = await moveInTimeline(write, input.franchise, input.film, before.chronologicalOrder, null);
    write.record({ operation: 'UPDATE', entityType: 'Franchise', entityId: input.franchise, fields: [entryChange(input.film, before, null), ...shifted] });
    return input.franchise;
  },
};
