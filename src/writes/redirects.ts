import { Database, Tx } from '../db/database';
import { Label } from '../model/graph';

/**
 * Old names that keep working: a renamed entity's old slug, and a merged-away entity's id and slug,
 * name the entity they now belong to, like an HTTP redirect. Looked at only when a look-up by
 * slug or id finds nothing, so the hot path never pays for them.
 *
 *   (:SlugRedirect {label, slug, to})   (:IdRedirect {id, to})
 */

export async function redirectSlug(tx: Tx, label: Label, slug: string, to: string): Promise<void> {
  // The entity's own current slug never redirects (it is renamed back): that redirect goes. The
  // one just made stays even while the entity still bears `slug` (a caller that stores the new
  // slug after this call), or the old slug would lead nowhere.
  await tx.run(
    `MERGE (r:SlugRedirect {label: $label, slug: $slug}) SET r.to = $to
     WITH r
     MATCH (r2:SlugRedirect {label: $label}) WHERE r2.to = $to AND r2 <> r
     MATCH (n:${label} {id: $to}) WHERE n.slug = r2.slug
     DELETE r2`,
    { label, slug, to },
  );
}

/** After a merge: `from`'s id and slug, and every redirect that named `from`, now name `into`. */
export async function redirectMerged(tx: Tx, label: Label, from: { id: string; slug: string }, into: string): Promise<void> {
  await tx.run(
    `MERGE (byId:IdRedirect {id: $from}) SET byId.to = $into
     MERGE (bySlug:SlugRedirect {label: $label, slug: $slug}) SET bySlug.to = $into
     WITH 1 AS done
     CALL () {
       MATCH (r:IdRedirect) WHERE r.to = $from SET r.to = $into
     }
     CALL () {
       MATCH (r:SlugRedirect {label: $label}) WHERE r.to = $from SET r.to = $into
     }`,
    { label, from: from.id, slug: from.slug, into },
  );
}

/** A deleted entity's old names name nothing. */
export async function dropRedirects(tx: Tx, id: string): Promise<void> {
  await tx.run(
    `CALL () { MATCH (r:IdRedirect) WHERE r.to = $id DELETE r }
     CALL () { MATCH (r:SlugRedirect) WHERE r.to = $id DELETE r }`,
    { id },
  );
}

/** The id an old slug of `label` now names, or null. */
export async function redirectedSlug(db: Database, label: Label, slug: string): Promise<string | null> {
  const [row] = await db.read<{ to: string }>(`MATCH (r:SlugRedirect {label: $label, slug: $slug}) RETURN r.to AS to`, { label, slug });
  return row?.to ?? null;
}

/** The id a merged-away id now names, or null. */
export async function redirectedId(db: Database, id: string): Promise<string | null> {
  const [row] = await db.read<{ to: string }>(`MATCH (r:IdRedirect {id: $id}) RETURN r.to AS to`, { id });
  return row?.to ?? null;
}

/**
 * `load(key, value)`, and when it finds nothing by a slug or an id, the same for the entity an old
 * slug or a merged-away id now names: links users shared keep working after a rename or a merge.
 */
export async function followingRedirects<K extends string, T>(
  db: Database,
  label: Label,
  key: K | 'id',
  value: string,
  load: (key: K | 'id', value: string) => Promise<T | null>,
): Promise<T | null> {
  const found = await load(key, value);
  if (found !== null || (key !== 'id' && key !== 'slug')) return found;
  const target = key === 'slug' ? await redirectedSlug(db, label, value) : await redirectedId(db, value);
  return target ? load('id', target) : null;
}
