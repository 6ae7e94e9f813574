import { Database } from '../../src/db/database';

type Kind = 'Person' | 'Film' | 'Franchise' | 'Character' | 'Genre';

/**
 * Seed ids are generated at load time, so tests name entities by slug (the contract's stable
 * human key) and roles by person, film and kind, as seeds/seed.json does.
 */
export interface SeedIds {
  id(label: Kind, slug: string): string;
  role(personSlug: string, filmSlug: string, kind: string): string;
  /** The entity an id belongs to, as "Label:slug", for readable assertions. */
  name(id: string): string;
}

export async function seedIds(db: Database): Promise<SeedIds> {
  const nodes = await db.read<{ label: Kind; slug: string; id: string }>(
    `MATCH (n) WHERE n:Person OR n:Film OR n:Franchise OR n:Character OR n:Genre
     RETURN [l IN labels(n) WHERE l IN ['Person', 'Film', 'Franchise', 'Character', 'Genre']][0] AS label, n.slug AS slug, n.id AS id`,
  );
  const roles = await db.read<{ person: string; film: string; kind: string; id: string }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film) RETURN p.slug AS person, f.slug AS film, r.kind AS kind, r.id AS id`,
  );
  const byKey = new Map(nodes.map((n) => [`${n.label}:${n.slug}`, n.id]));
  const names = new Map(nodes.map((n) => [n.id, `${n.label}:${n.slug}`]));
  const roleIds = new Map(roles.map((r) => [`${r.person}|${r.film}|${r.kind}`, r.id]));
  roles.forEach((r) => names.set(r.id, `Role:${r.person}|${r.film}|${r.kind}`));
  const need = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`no ${key} in the graph`);
    return value;
  };
  return {
    id: (label, slug) => need(byKey, `${label}:${slug}`),
    role: (person, film, kind) => need(roleIds, `${person}|${film}|${kind}`),
    name: (id) => names.get(id) ?? id,
  };
}
