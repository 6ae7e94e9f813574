import { storedFilm, ratingsOf } from '../model/film';
import { newId } from '../model/ids';
import { filmSlugBase } from '../model/slug';
import { FieldChange, fieldChanges } from '../writes/change-log';
import { claimKey, settleKey } from '../writes/idempotency';
import { refreshPeople, refreshPeopleOnFilms } from '../writes/popularity';
import { dropRedirects, redirectMerged, redirectSlug } from '../writes/redirects';
import { freeSlug, slugHasBase } from '../writes/slugs';
import { reject, rejectAll } from '../writes/user-error';
import { Checks } from '../writes/validate';
import { created, lockEntity, lockMergePair, openEntity } from '../writes/versions';
import { Write } from '../writes/write';
import { MOVE_MENTIONS } from '../mentions/mention.linker';
import { creditWrites } from '../role/role.writes';

/** What a writer may set on a film; a field left out (undefined) is left as it is, null clears it. */
export interface FilmChanges {
  title?: string | null;
  originalTitle?: string | null;
  alternativeTitles?: string[] | null;
  releaseDate?: string | null;
  year?: number | null;
  runtimeMinutes?: number | null;
  overview?: string | null;
  genres?: string[] | null;
  imdbId?: string | null;
}

/** A film's fields as the change feed reports them. */
const FEED_FIELDS = ['title', 'slug', 'originalTitle', 'alternativeTitles', 'releaseDate', 'year', 'runtimeMinutes', 'overview', 'imdbId', 'genres'] as const;

interface FilmState {
  title: string;
  slug: string;
  originalTitle: string | null;
  alternativeTitles: string[];
  releaseDate: string | null;
  year: number | null;
  runtimeMinutes: number | null;
  overview: string | null;
  imdbId: string | null;
  genres: string[];
}

function checkFilm(changes: FilmChanges, creating: boolean): void {
  const checks = new Checks();
  if (creating || changes.title !== undefined) checks.name('title', changes.title ?? null, 'title');
  checks.name('originalTitle', changes.originalTitle === null ? undefined : changes.originalTitle, 'originalTitle');
  checks.names('alternativeTitles', changes.alternativeTitles, 'an alternative title');
  checks.date('releaseDate', changes.releaseDate);
  checks.year('year', changes.year);
  if (changes.releaseDate && changes.year !== undefined && changes.year !== null && Number(changes.releaseDate.slice(0, 4)) !== changes.year) {
    checks.fail(['year'], `year ${changes.year} contradicts releaseDate ${changes.releaseDate}; give one, or both agreeing`);
  }
  checks.positive('runtimeMinutes', changes.runtimeMinutes, 'runtimeMinutes');
  if (changes.runtimeMinutes && changes.runtimeMinutes > 6000) checks.fail(['runtimeMinutes'], `runtimeMinutes ${changes.runtimeMinutes} is longer than any film (at most 6000)`);
  checks.text('overview', changes.overview, 'overview');
  checks.imdbId('imdbId', changes.imdbId, 'tt');
  rejectAll(checks.errors);
}

/** The Genre ids of these slugs, in order; an unknown one is NOT_FOUND on its place in the list. */
async function genreIds(write: Write, slugs: readonly string[]): Promise<string[]> {
  const rows = await write.tx.run<{ i: number; id: string | null }>(
    `UNWIND range(0, size($slugs) - 1) AS i
     OPTIONAL MATCH (g:Genre {slug: $slugs[i]})
     RETURN i, g.id AS id`,
    { slugs: [...slugs] },
  );
  const missing = rows.filter((row) => row.id === null);
  if (missing.length > 0) {
    rejectAll(missing.map((row) => ({ field: ['input', 'genres', String(row.i)], code: 'NOT_FOUND', message: `No genre has the slug "${slugs[row.i]}"` })));
  }
  return [...new Set(rows.map((row) => row.id!))];
}

async function checkImdbIdFree(write: Write, imdbId: string | null | undefined, self: string | null): Promise<void> {
  if (!imdbId) return;
  const [row] = await write.tx.run<{ id: string; slug: string }>(`MATCH (f:Film {imdbId: $imdbId}) RETURN f.id AS id, f.slug AS slug`, { imdbId });
  if (row && row.id !== self) reject('TAKEN', ['imdbId'], `The IMDb id ${imdbId} belongs to another film (${row.slug})`);
}

async function genresOf(write: Write, filmId: string): Promise<string[]> {
  const rows = await write.tx.run<{ slug: string }>(`MATCH (:Film {id: $id})-[:IN_GENRE]->(g:Genre) RETURN g.slug AS slug ORDER BY slug`, { id: filmId });
  return rows.map((row) => row.slug);
}

function stateOf(stored: Record<string, any>, genres: string[]): FilmState {
  return {
    title: stored.title,
    slug: stored.slug,
    originalTitle: stored.originalTitle ?? null,
    alternativeTitles: stored.alternativeTitles ?? [],
    releaseDate: stored.releaseDate ?? null,
    year: stored.year ?? null,
    runtimeMinutes: stored.runtimeMinutes ?? null,
    overview: stored.overview ?? null,
    imdbId: stored.imdbId ?? null,
    genres,
  };
}

/** Stores `state` on the film `id` (the derived properties too), with its genres when given. */
async function storeFilm(write: Write, id: string, state: FilmState, stored: Record<string, any>, genres: string[] | null, audit: Record<string, unknown>): Promise<void> {
  const props = {
    ...storedFilm({
      slug: state.slug,
      title: state.title,
      originalTitle: state.originalTitle,
      alternativeTitles: state.alternativeTitles,
      year: state.year,
      runtimeMinutes: state.runtimeMinutes,
      overview: state.overview,
      imdbId: state.imdbId,
      tmdbId: stored.tmdbId ?? null,
      wikidataId: stored.wikidataId ?? null,
      ratings: ratingsOf(stored),
    }),
    ...audit,
  };
  await write.tx.run(
    `MERGE (f:Film {id: $id})
     SET f += $props, f.releaseDate = CASE WHEN $releaseDate IS NULL THEN null ELSE date($releaseDate) END
     WITH f
     CALL (f) {
       WITH f WHERE $genres IS NOT NULL
       OPTIONAL MATCH (f)-[old:IN_GENRE]->()
       DELETE old
       WITH DISTINCT f
       UNWIND $genres AS genreId
       MATCH (g:Genre {id: genreId})
       MERGE (f)-[:IN_GENRE]->(g)
     }`,
    { id, props, releaseDate: state.releaseDate, genres },
  );
}

/** The year a film is filed under: the one given, else its release date's. */
function yearOf(changes: FilmChanges, before: FilmState | null): number | null {
  if (changes.year !== undefined && changes.year !== null) return changes.year;
  if (changes.releaseDate) return Number(changes.releaseDate.slice(0, 4));
  if (changes.year === null) return null;
  return before?.year ?? null;
}

/**
 * The writes of films. Each runs inside a mutation's transaction (see writes/write.ts), records
 * its changes, and returns the film's id; the payload reads the film once it has committed.
 */
export const filmWrites = {
  async create(write: Write, input: FilmChanges & { title: string; idempotencyKey?: string | null }): Promise<string | null> {
    const { idempotencyKey, ...changes } = input;
    checkFilm(changes, true);
    if (idempotencyKey) {
      const claim = await claimKey(write, 'createFilm', idempotencyKey, changes);
      if (!claim.first) return claim.entityId;
    }
    const id = await filmWrites.insert(write, changes);
    if (idempotencyKey) await settleKey(write, 'createFilm', idempotencyKey, id);
    return id;
  },

  /** A new film, its input already checked. */
  async insert(write: Write, changes: FilmChanges & { title: string }): Promise<string> {
    const genres = changes.genres ? await genreIds(write, changes.genres) : [];
    await checkImdbIdFree(write, changes.imdbId, null);
    const year = yearOf(changes, null);
    const id = newId('Film');
    const state: FilmState = {
      title: changes.title.trim(),
      slug: await freeSlug(write.tx, 'Film', filmSlugBase(changes.title, year)),
      originalTitle: changes.originalTitle ?? null,
      alternativeTitles: changes.alternativeTitles ?? [],
      releaseDate: changes.releaseDate ?? null,
      year,
      runtimeMinutes: changes.runtimeMinutes ?? null,
      overview: changes.overview ?? null,
      imdbId: changes.imdbId ?? null,
      genres: changes.genres ? [...new Set(changes.genres)].sort() : [],
    };
    await storeFilm(write, id, state, {}, genres, created(write.by));
    write.record({ operation: 'CREATE', entityType: 'Film', entityId: id, fields: fieldChanges(null, { ...state }, FEED_FIELDS) });
    return id;
  },

  async update(write: Write, input: FilmChanges & { id: string; expectedVersion?: number | null }): Promise<string> {
    const { id, expectedVersion, ...changes } = input;
    const stored = await openEntity(write, 'Film', input, () => checkFilm(changes, false));
    return filmWrites.change(write, id, stored, changes);
  },

  /** Applies checked `changes` to the locked film `stored`. */
  async change(write: Write, id: string, stored: Record<string, any>, changes: FilmChanges): Promise<string> {
    const before = stateOf(stored, await genresOf(write, id));
    const genres = changes.genres !== undefined ? await genreIds(write, changes.genres ?? []) : null;
    if (changes.imdbId !== undefined && changes.imdbId !== before.imdbId) await checkImdbIdFree(write, changes.imdbId, id);
    const pick = <K extends keyof FilmChanges>(key: K, fallback: FilmState[K & keyof FilmState]) => (changes[key] === undefined ? fallback : changes[key]);
    // A new release date in another year moves the year with it, unless the year is given too.
    const releaseDate = pick('releaseDate', before.releaseDate) as string | null;
    const year = changes.year === undefined && changes.releaseDate ? Number(changes.releaseDate.slice(0, 4)) : yearOf(changes, before);
    if (releaseDate && year !== null && Number(releaseDate.slice(0, 4)) !== year) {
      reject('INVALID', ['year'], `year ${year} contradicts the film's releaseDate ${releaseDate}; change both, or clear releaseDate`);
    }
    const title = (changes.title ?? before.title).trim();
    const base = filmSlugBase(title, year);
    let slug = before.slug;
    if (!slugHasBase(before.slug, base)) {
      // A renamed film gets the slug of its new name; its old one keeps leading to it.
      slug = await freeSlug(write.tx, 'Film', base, id);
      await redirectSlug(write.tx, 'Film', before.slug, slug, id);
    }
    const after: FilmState = {
      title,
      slug,
      originalTitle: pick('originalTitle', before.originalTitle) as string | null,
      alternativeTitles: (pick('alternativeTitles', before.alternativeTitles) as string[] | null) ?? [],
      releaseDate,
      year,
      runtimeMinutes: pick('runtimeMinutes', before.runtimeMinutes) as number | null,
      overview: pick('overview', before.overview) as string | null,
      imdbId: pick('imdbId', before.imdbId) as string | null,
      genres: changes.genres !== undefined ? [...new Set(changes.genres ?? [])].sort() : before.genres,
    };
    await storeFilm(write, id, after, stored, genres, {});
    write.record({ operation: 'UPDATE', entityType: 'Film', entityId: id, fields: fieldChanges({ ...before }, { ...after }, FEED_FIELDS) });
    return id;
  },

  /** Creates the film with this IMDb id, or updates the one that has it. */
  async upsert(write: Write, input: FilmChanges & { imdbId: string; title: string }): Promise<string> {
    checkFilm(input, true);
    const [row] = await write.tx.run<{ id: string }>(`MATCH (f:Film {imdbId: $imdbId}) RETURN f.id AS id`, { imdbId: input.imdbId });
    if (!row) return filmWrites.insert(write, input);
    const stored = await lockEntity(write, 'Film', row.id, 'imdbId');
    return filmWrites.change(write, row.id, stored, input);
  },

  /** Deletes the film with its credits, franchise entries and reviews; each removal is in the feed. */
  async remove(write: Write, input: { id: string; expectedVersion?: number | null }): Promise<string> {
    const stored = await openEntity(write, 'Film', input);
    const before = stateOf(stored, await genresOf(write, input.id));
    const [parts] = await write.tx.run<{ roles: Record<string, unknown>[]; reviews: Record<string, unknown>[]; entries: Record<string, unknown>[] }>(
      `MATCH (f:Film {id: $id})
       CALL (f) {
         OPTIONAL MATCH (f)<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person)
         RETURN collect(r {.id, .kind, .job, .jobs, .characters, .billingOrder, .credited, person: p.id}) AS roles
       }
       CALL (f) {
         OPTIONAL MATCH (f)<-[:REVIEWS]-(rv:Review)
         RETURN collect(rv {.id, .publication, .author, .headline}) AS reviews
       }
       CALL (f) {
         OPTIONAL MATCH (f)-[e:IN_FRANCHISE]->(fr:Franchise)
         RETURN collect({franchise: fr.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder}) AS entries
       }
       RETURN roles, reviews, entries`,
      { id: input.id },
    );
    await write.tx.run(
      `MATCH (f:Film {id: $id})
       OPTIONAL MATCH (f)<-[:ON_FILM]-(r:Role)
       OPTIONAL MATCH (f)<-[:REVIEWS]-(rv:Review)
       WITH f, collect(DISTINCT r) + collect(DISTINCT rv) AS parts
       FOREACH (part IN parts | DETACH DELETE part)
       DETACH DELETE f`,
      { id: input.id },
    );
    await dropRedirects(write.tx, input.id);
    // Its people lose its votes and a credit from their prominence.
    await refreshPeople(write.tx, parts.roles.map((role) => role.person as string));
    const gone = (entity: Record<string, unknown>): FieldChange[] => Object.entries(entity).filter(([field]) => field !== 'id').map(([field, value]) => ({ field, before: value ?? null, after: null }));
    write.record({
      operation: 'DELETE',
      entityType: 'Film',
      entityId: input.id,
      fields: [...fieldChanges({ ...before }, null, FEED_FIELDS), ...(parts.entries.length > 0 ? [{ field: 'franchiseEntries', before: parts.entries, after: null }] : [])],
    });
    for (const role of parts.roles) write.record({ operation: 'DELETE', entityType: 'Role', entityId: role.id as string, fields: gone({ ...role, film: input.id }) });
    for (const review of parts.reviews) write.record({ operation: 'DELETE', entityType: 'Review', entityId: review.id as string, fields: gone({ ...review, film: input.id }) });
    return input.id;
  },

  /**
   * Folds the film `from` into `into`: its credits (two roles of one person and kind become one),
   * reviews, franchise entries, genres and mentions move over, its titles become alternative
   * titles, external ids `into` lacks move too, and its id and slug resolve to `into` from then on.
   */
  async merge(write: Write, input: { into: string; from: string }): Promise<string> {
    const { into, from } = await lockMergePair(write, 'Film', input, 'A film cannot be merged into itself');
    const before = stateOf(into, await genresOf(write, input.into));

    await creditWrites.moveFilmCredits(write, input.from, input.into);
    await write.tx.run(
      `MATCH (from:Film {id: $from}), (into:Film {id: $into})
       CALL (from, into) {
         MATCH (from)<-[old:REVIEWS]-(rv:Review)
         DELETE old
         MERGE (rv)-[:REVIEWS]->(into)
         SET rv.key = replace(rv.key, $from, $into) + CASE WHEN EXISTS { MATCH (:Review {key: replace(rv.key, $from, $into)}) } THEN '|' + rv.id ELSE '' END
       }
       CALL (from, into) {
         MATCH (from)-[old:IN_FRANCHISE]->(fr:Franchise)
         WITH old, fr, properties(old) AS entry
         DELETE old
         WITH fr, entry WHERE NOT EXISTS { MATCH (into)-[:IN_FRANCHISE]->(fr) }
         CREATE (into)-[e:IN_FRANCHISE]->(fr)
         SET e = entry
       }
       CALL (from, into) {
         MATCH (from)-[:IN_GENRE]->(g:Genre)
         MERGE (into)-[:IN_GENRE]->(g)
       }
       ${MOVE_MENTIONS}
       DETACH DELETE from`,
      { from: input.from, into: input.into },
    );
    await redirectMerged(write.tx, 'Film', { id: input.from, slug: from.slug }, input.into);
    const alternativeTitles = [...before.alternativeTitles, from.title, ...(from.alternativeTitles ?? [])].filter((title) => title !== before.title);
    const external: Record<string, unknown> = {};
    for (const key of ['imdbId', 'tmdbId', 'wikidataId']) if (!into[key] && from[key]) external[key] = from[key];
    await storeFilm(write, input.into, { ...before, alternativeTitles: [...new Set(alternativeTitles)], imdbId: before.imdbId ?? from.imdbId ?? null }, { ...into, ...external }, null, {});
    // `from`'s people now hold credits on `into` (two on one film count once), with its votes.
    await refreshPeopleOnFilms(write.tx, [input.into]);
    const after = stateOf({ ...into, ...external, alternativeTitles: [...new Set(alternativeTitles)] }, await genresOf(write, input.into));
    write.record({
      operation: 'MERGE',
      entityType: 'Film',
      entityId: input.into,
      fields: [{ field: 'mergedFrom', before: null, after: input.from }, ...fieldChanges({ ...before }, { ...after }, FEED_FIELDS)],
    });
    write.record({ operation: 'MERGE', entityType: 'Film', entityId: input.from, fields: [{ field: 'mergedInto', before: null, after: input.into }] });
    return input.into;
  },
};
