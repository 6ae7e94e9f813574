import { Tx } from '../db/database';
import { Label } from '../model/graph';
import { nextFreeSlug } from '../model/slug';

/**
 * The slugs of `label` already in use that nextFreeSlug must avoid for these bases: each base
 * itself and its numbered forms (base-2, base-3, …), held by an entity or kept by a redirect (an
 * old slug keeps naming what it named, so nothing new may take it). Only those are fetched, so a
 * short base such as "j" does not pull every slug that merely starts with it. A redirect to
 * `self` does not count: an entity renamed back takes its old slug again.
 */
export async function takenSlugs(tx: Tx, label: Label, bases: Iterable<string>, self?: string): Promise<Set<string>> {
  const distinct = [...new Set(bases)];
  const taken = new Set<string>();
  if (distinct.length === 0) return taken;
  const rows = await tx.run<{ slug: string }>(
    `UNWIND $bases AS base
     CALL (base) {
       MATCH (n:${label} {slug: base}) RETURN n.slug AS slug
       UNION
       MATCH (n:${label}) WHERE n.slug STARTS WITH base + '-' AND substring(n.slug, size(base) + 1) =~ '[0-9]+'
       RETURN n.slug AS slug
       UNION
       MATCH (r:SlugRedirect {label: $label}) WHERE r.slug STARTS WITH base AND r.to <> $self
         AND (r.slug = base OR substring(r.slug, size(base) + 1) =~ '[0-9]+')
       RETURN r.slug AS slug
     }
     RETURN DISTINCT slug`,
    { bases: distinct, label, self: self ?? '' },
  );
  rows.forEach((row) => taken.add(row.slug));
  return taken;
}

/** The first free slug for `base` (see takenSlugs). */
export async function freeSlug(tx: Tx, label: Label, base: string, self?: string): Promise<string> {
  return nextFreeSlug(base, await takenSlugs(tx, label, [base], self));
}

/** Whether `slug` is `base` or one of its numbered forms: a rename that keeps the base keeps its slug. */
export function slugHasBase(slug: string, base: string): boolean {
  return slug === base || (slug.startsWith(`${base}-`) && /^[0-9]+$/.test(slug.slice(base.length + 1)));
}
