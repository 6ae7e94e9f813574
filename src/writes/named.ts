import { Label } from '../model/graph';
import { newId } from '../model/ids';
import { storedName } from '../model/named';
import { fold, nameSlugBase } from '../model/slug';
import { dropRedirects, redirectSlug } from './redirects';
import { freeSlug, slugHasBase } from './slugs';
import { reject } from './user-error';
import { Write } from './write';

/**
 * What franchises, characters and genres share on the write side: a name, the slug made from it
 * and `folded` (model/named.ts, `storedName`). Each kind's own links and fields stay in its
 * feature's writes; the naming, renaming and deleting rules are written here once.
 */
export type NamedLabel = Extract<Label, 'Franchise' | 'Character' | 'Genre'>;

export interface Naming {
  name: string;
  slug: string;
}

/** A named entity's slug base: its name slugified, else the kind ("franchise"), as imports make it. */
function baseOf(label: NamedLabel, name: string): string {
  return nameSlugBase(name, label.toLowerCase());
}

/**
 * When `unique`, no other entity of `label` may bear this name (folded: case and accents aside);
 * genres are such, since films name them by slug and "action-2" would only mislead.
 */
async function checkNameFree(write: Write, label: NamedLabel, name: string, self: string | null): Promise<void> {
  const [row] = await write.tx.run<{ slug: string }>(
    `MATCH (n:${label} {folded: $folded}) WHERE n.id <> $self RETURN n.slug AS slug LIMIT 1`,
    { folded: fold(name), self: self ?? '' },
  );
  if (row) reject('TAKEN', ['name'], `Another ${label.toLowerCase()} is named "${name}" (${row.slug})`);
}

export const namedWrites = {
  /** Stores a new entity of `label` named `name` (checked), with `props` and its audit record; returns its id and naming. */
  async insert(write: Write, label: NamedLabel, name: string, props: Record<string, unknown>, audit: Record<string, unknown>, unique = false): Promise<{ id: string } & Naming> {
    const trimmed = name.trim();
    if (unique) await checkNameFree(write, label, trimmed, null);
    const id = newId(label);
    const slug = await freeSlug(write.tx, label, baseOf(label, trimmed));
    await write.tx.run(`CREATE (n:${label} {id: $id}) SET n += $props`, { id, props: { ...props, ...storedName(slug, trimmed), ...audit } });
    return { id, name: trimmed, slug };
  },

  /**
   * Gives the locked entity `stored` its new name, when one is given: a name of another base gets
   * a new slug, and the old slug keeps leading to the entity. Returns the naming as it now is.
   */
  async rename(write: Write, label: NamedLabel, id: string, stored: Record<string, any>, name: string | undefined, unique = false): Promise<Naming> {
    if (name === undefined) return { name: stored.name, slug: stored.slug };
    const trimmed = name.trim();
    if (unique && fold(trimmed) !== stored.folded) await checkNameFree(write, label, trimmed, id);
    const base = baseOf(label, trimmed);
    const renamed = !slugHasBase(stored.slug, base);
    const slug: string = renamed ? await freeSlug(write.tx, label, base, id) : stored.slug;
    await write.tx.run(`MATCH (n:${label} {id: $id}) SET n += $props`, { id, props: storedName(slug, trimmed) });
    if (renamed) await redirectSlug(write.tx, label, stored.slug, slug, id);
    return { name: trimmed, slug };
  },

  /** Removes the entity and every link it has; its old slugs name nothing from then on. */
  async remove(write: Write, label: NamedLabel, id: string): Promise<void> {
    await write.tx.run(`MATCH (n:${label} {id: $id}) DETACH DELETE n`, { id });
    await dropRedirects(write.tx, id);
  },

  /** That an entity of `label` has this id, else NOT_FOUND on `path` (a link's other end, not locked). */
  async mustExist(write: Write, label: Label, id: string, path: string): Promise<void> {
    const rows = await write.tx.run(`MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id });
    if (rows.length === 0) reject('NOT_FOUND', [path], `No ${label.toLowerCase()} has the id "${id}"`);
  },
};
