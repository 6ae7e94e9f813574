import { newId } from '../model/ids';
import { storedPerson } from '../model/person';
import { personPopularityOf, setPopularity } from '../model/popularity';
import { nameSlugBase } from '../model/slug';
import { creditWrites } from '../role/role.writes';
import { fieldChanges } from '../writes/change-log';
import { claimKey, settleKey } from '../writes/idempotency';
import { dropRedirects, redirectMerged, redirectSlug } from '../writes/redirects';
import { freeSlug, slugHasBase } from '../writes/slugs';
import { reject, rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { created, lockEntity, lockMergePair, openEntity } from '../writes/versions';
import { Write } from '../writes/write';
import { MOVE_MENTIONS } from '../mentions/mention.linker';

export interface PersonChanges {
  name?: string | null;
  birthYear?: number | null;
  deathYear?: number | null;
  professions?: string[] | null;
  imdbId?: string | null;
}

/** People of film history were born before its first films: birth years go back further than film years. */
const FIRST_BIRTH_YEAR = 1800;

const FEED_FIELDS = ['name', 'slug', 'birthYear', 'deathYear', 'professions', 'imdbId'] as const;

interface PersonState {
  name: string;
  slug: string;
  birthYear: number | null;
  deathYear: number | null;
  professions: string[];
  imdbId: string | null;
}

function checkPerson(changes: PersonChanges, creating: boolean, stored?: PersonState): void {
  const checks = new Checks();
  if (creating || changes.name !== undefined) checks.name('name', changes.name ?? null, 'name');
  const thisYear = new Date().getUTCFullYear();
  for (const field of ['birthYear', 'deathYear'] as const) {
    const year = changes[field];
    if (year !== undefined && year !== null && (!Number.isInteger(year) || year < FIRST_BIRTH_YEAR || year > thisYear)) {
      checks.fail([field], `${field} must be a year from ${FIRST_BIRTH_YEAR} to ${thisYear}; got ${year}`);
    }
  }
  const birth = changes.birthYear === undefined ? stored?.birthYear ?? null : changes.birthYear;
  const death = changes.deathYear === undefined ? stored?.deathYear ?? null : changes.deathYear;
  if (birth !== null && death !== null && death < birth) {
    checks.fail([changes.deathYear !== undefined ? 'deathYear' : 'birthYear'], `deathYear ${death} is before birthYear ${birth}`);
  }
  checks.names('professions', changes.professions, 'a profession');
  checks.imdbId('imdbId', changes.imdbId, 'nm');
  rejectAll(checks.errors);
}

async function checkImdbIdFree(write: Write, imdbId: string | null | undefined, self: string | null): Promise<void> {
  if (!imdbId) return;
  const [row] = await write.tx.run<{ id: string; slug: string }>(`MATCH (p:Person {imdbId: $imdbId}) RETURN p.id AS id, p.slug AS slug`, { imdbId });
  if (row && row.id !== self) reject('TAKEN', ['imdbId'], `The IMDb id ${imdbId} belongs to another person (${row.slug})`);
}

function stateOf(stored: Record<string, any>): PersonState {
  return {
    name: stored.name,
    slug: stored.slug,
    birthYear: stored.birthYear ?? null,
    deathYear: stored.deathYear ?? null,
    professions: stored.professions ?? [],
    imdbId: stored.imdbId ?? null,
  };
}

async function storePerson(write: Write, id: string, state: PersonState, stored: Record<string, any>, audit: Record<string, unknown>): Promise<void> {
  const props = { ...storedPerson({ ...state, tmdbId: stored.tmdbId ?? null, wikidataId: stored.wikidataId ?? null }), ...audit };
  // Popularity follows the credits (model/popularity.ts): 0 for a new person, and right again after a merge moved credits in.
  await write.tx.run(`MERGE (p:Person {id: $id}) SET p += $props ${setPopularity('p', personPopularityOf('p'))}`, { id, props });
}

export const personWrites = {
  async create(write: Write, input: PersonChanges & { name: string; idempotencyKey?: string | null }): Promise<string | null> {
    const { idempotencyKey, ...changes } = input;
    checkPerson(changes, true);
    if (idempotencyKey) {
      const claim = await claimKey(write, 'createPerson', idempotencyKey, changes);
      if (!claim.first) return claim.entityId;
    }
    const id = await personWrites.insert(write, changes);
    if (idempotencyKey) await settleKey(write, 'createPerson', idempotencyKey, id);
    return id;
  },

  async insert(write: Write, changes: PersonChanges & { name: string }): Promise<string> {
    await checkImdbIdFree(write, changes.imdbId, null);
    const name = changes.name.trim();
    const state: PersonState = {
      name,
      slug: await freeSlug(write.tx, 'Person', nameSlugBase(name, 'person')),
      birthYear: changes.birthYear ?? null,
      deathYear: changes.deathYear ?? null,
      professions: changes.professions ?? [],
      imdbId: changes.imdbId ?? null,
    };
    const id = newId('Person');
    await storePerson(write, id, state, {}, created(write.by));
    write.record({ operation: 'CREATE', entityType: 'Person', entityId: id, fields: fieldChanges(null, { ...state }, FEED_FIELDS) });
    return id;
  },

  async update(write: Write, input: PersonChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    const { id, expectedVersion, ...changes } = input;
    const stored = await openEntity(write, 'Person', input, () => checkPerson(changes, false));
    return personWrites.change(write, id, stored, changes);
  },

  async change(write: Write, id: string, stored: Record<string, any>, changes: PersonChanges): Promise<string> {
    const before = stateOf(stored);
    checkPerson(changes, false, before);
    if (changes.imdbId !== undefined && changes.imdbId !== before.imdbId) await checkImdbIdFree(write, changes.imdbId, id);
    const name = (changes.name ?? before.name).trim();
    const base = nameSlugBase(name, 'person');
    let slug = before.slug;
    if (!slugHasBase(before.slug, base)) {
      slug = await freeSlug(write.tx, 'Person', base, id);
      await redirectSlug(write.tx, 'Person', before.slug, slug, id);
    }
    const after: PersonState = {
      name,
      slug,
      birthYear: changes.birthYear === undefined ? before.birthYear : changes.birthYear,
      deathYear: changes.deathYear === undefined ? before.deathYear : changes.deathYear,
      professions: changes.professions === undefined ? before.professions : changes.professions ?? [],
      imdbId: changes.imdbId === undefined ? before.imdbId : changes.imdbId,
    };
    await storePerson(write, id, after, stored, {});
    write.record({ operation: 'UPDATE', entityType: 'Person', entityId: id, fields: fieldChanges({ ...before }, { ...after }, FEED_FIELDS) });
    return id;
  },

  async upsert(write: Write, input: PersonChanges & { imdbId: string; name: string }): Promise<string> {
    checkPerson(input, true);
    const [row] = await write.tx.run<{ id: string }>(`MATCH (p:Person {imdbId: $imdbId}) RETURN p.id AS id`, { imdbId: input.imdbId });
    if (!row) return personWrites.insert(write, input);
    const stored = await lockEntity(write, 'Person', row.id, 'imdbId');
    return personWrites.change(write, row.id, stored, input);
  },

  /** Deletes the person with their credits; each removal is in the feed. */
  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    await openEntity(write, 'Person', input);
    // Each credit goes the way removeCredit takes it, so casts close ranks behind it.
    const roles = await write.tx.run<{ id: string }>(`MATCH (:Person {id: $id})-[:HAS_ROLE]->(r:Role) RETURN r.id AS id ORDER BY r.id`, { id: input.id });
    for (const role of roles) await creditWrites.remove(write, { id: role.id });
    const [stored] = await write.tx.run<{ before: Record<string, any> }>(`MATCH (p:Person {id: $id}) RETURN p {.*} AS before`, { id: input.id });
    await write.tx.run(`MATCH (p:Person {id: $id}) DETACH DELETE p`, { id: input.id });
    await dropRedirects(write.tx, input.id);
    write.record({ operation: 'DELETE', entityType: 'Person', entityId: input.id, fields: fieldChanges(stateOf(stored.before) as any, null, FEED_FIELDS) });
    return input.id;
  },

  /** Folds `from` into `into`: credits (two of one kind on one film become one) and mentions move; the old id and slug resolve to `into`. */
  async merge(write: Write, input: { into: string; from: string }): Promise<string> {
    const { into, from } = await lockMergePair(write, 'Person', input, 'A person cannot be merged into themselves');
    const before = stateOf(into);

    await creditWrites.movePersonCredits(write, input.from, input.into);
    await write.tx.run(
      `MATCH (from:Person {id: $from}), (into:Person {id: $into})
       ${MOVE_MENTIONS}
       DETACH DELETE from`,
      { from: input.from, into: input.into },
    );
    await redirectMerged(write.tx, 'Person', { id: input.from, slug: from.slug }, input.into);
    // What `into` does not know, `from` may: years, professions, external ids.
    const after: PersonState = {
      ...before,
      birthYear: before.birthYear ?? from.birthYear ?? null,
      deathYear: before.deathYear ?? from.deathYear ?? null,
      professions: [...new Set([...before.professions, ...(from.professions ?? [])])],
      imdbId: before.imdbId ?? from.imdbId ?? null,
    };
    await storePerson(write, input.into, after, { tmdbId: into.tmdbId ?? from.tmdbId, wikidataId: into.wikidataId ?? from.wikidataId }, {});
    write.record({
      operation: 'MERGE',
      entityType: 'Person',
      entityId: input.into,
      fields: [{ field: 'mergedFrom', before: null, after: input.from }, ...fieldChanges({ ...before }, { ...after }, FEED_FIELDS)],
    });
    write.record({ operation: 'MERGE', entityType: 'Person', entityId: input.from, fields: [{ field: 'mergedInto', before: null, after: input.into }] });
    return input.into;
  },
};
