import { Database, Tx } from '../../db/database';
import { Authorship, now } from '../../writes/change-log';
import { takenSlugs } from '../../writes/slugs';
import { refreshAllPeople } from '../../writes/popularity';
import { changesAny, created } from '../../writes/versions';
import { AlternativeTitleValues, storedAkas, storedFilm } from '../../model/film';
import { jobsExpression } from '../../model/role';
import { Label } from '../../model/graph';
import { newId } from '../../model/ids';
import { storedName } from '../../model/named';
import { storedPerson } from '../../model/person';
import { filmPopularityOf, popularityBand, setPopularity, UNRANKED } from '../../model/popularity';
import { RoleKindName } from '../../model/roles';
import { filmSlugBase, fold, nameSlugBase, nextFreeSlug } from '../../model/slug';
import { Progress } from '../progress';
import { PersonRow, TitleRow } from './rows';

/**
 * The IMDb importer's writes. Unlike GraphWriter they keep nothing between batches: films and
 * people are found by their IMDb id (a unique constraint), roles by their key, so memory stays
 * flat at any size. New films and people are stored as src/model says (storedFilm, storedPerson),
 * like GraphWriter's; the updates below set the few properties IMDb's files own, by the same rules.
 * Every function runs inside the caller's write transaction and is safe to repeat.
 */

/**
 * Slugs for the rows whose IMDb id is not stored yet (undefined for the others, which keep their
 * slug: a slug is stable once given), in row order so -2, -3 follow the order of arrival.
 */
async function newSlugs(tx: Tx, label: Label, rows: { imdbId: string; base: string }[]): Promise<(string | undefined)[]> {
  const stored = await tx.run<{ imdbId: string }>(
    `UNWIND $ids AS imdbId MATCH (n:${label} {imdbId: imdbId}) RETURN imdbId`,
    { ids: rows.map((row) => row.imdbId) },
  );
  const existing = new Set(stored.map((row) => row.imdbId));
  const taken = await takenSlugs(
    tx,
    label,
    rows.filter((row) => !existing.has(row.imdbId)).map((row) => row.base),
  );
  return rows.map((row) => {
    if (existing.has(row.imdbId)) return undefined;
    const slug = nextFreeSlug(row.base, taken);
    taken.add(slug);
    return slug;
  });
}

/** Genres are few (IMDb has under 30), so their ids are kept; a genre is the one with its slug. */
export async function ensureGenres(tx: Tx, names: string[]): Promise<Map<string, string>> {
  const rows = await tx.run<{ name: string; id: string }>(
    `UNWIND $genres AS genre
     MERGE (g:Genre {slug: genre.slug})
     ON CREATE SET g.id = genre.id, g.name = genre.name, g.folded = genre.folded
     RETURN genre.name AS name, g.id AS id`,
    {
      genres: names.map((name) => ({ ...storedName(nameSlugBase(name, 'genre'), name), id: newId('Genre') })),
    },
  );
  return new Map(rows.map((row) => [row.name, row.id]));
}

/**
 * Films from title.basics. New films are created outright (their ids were just looked up in the
 * same transaction, and films are written one batch at a time); stored ones are updated. Their
 * alternative titles come later from title.akas; until then the folded search text of a stored
 * film keeps its alternative titles (the lines after its first).
 */
/** Who IMDb's writes are stamped with, and when: each batch at its own time. */
function imdbAuthorship(): Authorship {
  return { actor: 'import:imdb', at: now() };
}

export async function writeFilms(tx: Tx, films: TitleRow[], genreIds: ReadonlyMap<string, string>): Promise<void> {
  const by = imdbAuthorship();
  const slugs = await newSlugs(
    tx,
    'Film',
    films.map((f) => ({ imdbId: f.tconst, base: filmSlugBase(f.title, f.year) })),
  );
  const rows = films.map((f, i) => ({
    imdbId: f.tconst,
    id: newId('Film'),
    slug: slugs[i] ?? null,
    title: f.title,
    sortTitle: fold(f.title),
    originalTitle: f.originalTitle,
    year: f.year,
    runtimeMinutes: f.runtimeMinutes,
    genres: f.genres.map((name) => genreIds.get(name)!),
  }));
  const fresh = rows.filter((row) => row.slug !== null);
  const stored = rows.filter((row) => row.slug === null);
  if (fresh.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CREATE (f:Film {id: row.id})
       SET f += row.props
       WITH f, row
       UNWIND row.genres AS genreId
       MATCH (g:Genre {id: genreId})
       CREATE (f)-[:IN_GENRE]->(g)`,
      {
        rows: fresh.map((row) => ({
          id: row.id,
          genres: row.genres,
          props: {
            ...storedFilm({ slug: row.slug!, title: row.title, originalTitle: row.originalTitle, year: row.year, runtimeMinutes: row.runtimeMinutes, imdbId: row.imdbId }),
            ...created(by),
          },
        })),
      },
    );
  }
  if (stored.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (f:Film {imdbId: row.imdbId})
       WITH f, row, ${changesAny('f', '{title: row.title, originalTitle: row.originalTitle, year: row.year, runtimeMinutes: row.runtimeMinutes}')} AS changed
       SET f.version = coalesce(f.version, 1) + CASE WHEN changed THEN 1 ELSE 0 END,
           f.updatedAt = CASE WHEN changed THEN $by.at ELSE f.updatedAt END, f.updatedBy = CASE WHEN changed THEN $by.actor ELSE f.updatedBy END
       SET f.title = row.title, f.sortTitle = row.sortTitle, f.originalTitle = row.originalTitle,
           f.year = row.year, f.runtimeMinutes = row.runtimeMinutes,
           f.folded = row.sortTitle + CASE WHEN f.folded IS NULL THEN '' ELSE substring(f.folded, size(split(f.folded, '\n')[0])) END
       WITH f, row
       CALL (f, row) {
         MATCH (f)-[old:IN_GENRE]->(g:Genre) WHERE NOT g.id IN row.genres
         DELETE old
       }
       CALL (f, row) {
         UNWIND row.genres AS genreId
         MATCH (g:Genre {id: genreId})
         MERGE (f)-[:IN_GENRE]->(g)
       }`,
      { rows: stored, by },
    );
  }
}

export interface AlternativeTitles {
  imdbId: string;
  /** In IMDb's order. */
  akas: AlternativeTitleValues[];
}

/**
 * A film's akas, replaced as a whole: every row as title.akas says it (storedAkas), and the
 * distinct titles other than the primary one (left out here, where it is known) as
 * alternativeTitles and the search texts.
 */
export async function writeAlternativeTitles(tx: Tx, films: AlternativeTitles[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (f:Film {imdbId: row.imdbId})
     SET f += row.stored
     WITH f, [alt IN row.alts WHERE alt.title <> f.title] AS alts
     SET f.alternativeTitles = [alt IN alts | alt.title],
         f.alternativeTitlesText = reduce(text = '', alt IN alts | text + CASE WHEN text = '' THEN '' ELSE '\n' END + alt.title),
         f.folded = coalesce(f.sortTitle, '') + reduce(text = '', alt IN alts | text + '\n' + alt.folded)`,
    {
      rows: films.map((f) => ({
        imdbId: f.imdbId,
        stored: storedAkas(f.akas),
        alts: [...new Set(f.akas.map((aka) => aka.title))].map((title) => ({ title, folded: fold(title) })),
      })),
    },
  );
}

/** IMDb's rating replaces the film's "imdb" entry in the parallel rating lists and leaves other sources alone. */
export async function writeRatings(tx: Tx, ratings: { imdbId: string; value: number; votes: number }[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (f:Film {imdbId: row.imdbId})
     WITH f, row, coalesce(f.ratingSources, []) AS sources
     WITH f, row, sources, [i IN range(0, size(sources) - 1) WHERE sources[i] = 'imdb'][0] AS at
     SET f.ratingSources = CASE WHEN at IS NULL THEN sources + 'imdb' ELSE sources END,
         f.ratingValues = CASE WHEN at IS NULL THEN coalesce(f.ratingValues, []) + row.value
                          ELSE [i IN range(0, size(sources) - 1) | CASE WHEN i = at THEN row.value ELSE f.ratingValues[i] END] END,
         f.ratingScales = CASE WHEN at IS NULL THEN coalesce(f.ratingScales, []) + 10
                          ELSE [i IN range(0, size(sources) - 1) | CASE WHEN i = at THEN 10 ELSE f.ratingScales[i] END] END,
         f.ratingVotes = CASE WHEN at IS NULL THEN coalesce(f.ratingVotes, []) + row.votes
                         ELSE [i IN range(0, size(sources) - 1) | CASE WHEN i = at THEN row.votes ELSE f.ratingVotes[i] END] END
     // Votes just changed; its people's prominence follows in the import's last pass (refreshAllPeople).
     ${setPopularity('f', filmPopularityOf('f'))}`,
    { rows: ratings },
  );
}

export async function writePeople(tx: Tx, people: PersonRow[]): Promise<void> {
  const by = imdbAuthorship();
  const slugs = await newSlugs(
    tx,
    'Person',
    people.map((p) => ({ imdbId: p.nconst, base: nameSlugBase(p.name, 'person') })),
  );
  const rows = people.map((p, i) => ({
    imdbId: p.nconst,
    id: newId('Person'),
    slug: slugs[i] ?? null,
    name: p.name,
    folded: fold(p.name),
    birthYear: p.birthYear,
    deathYear: p.deathYear,
    professions: p.professions,
  }));
  const fresh = rows.filter((row) => row.slug !== null);
  const stored = rows.filter((row) => row.slug === null);
  if (fresh.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       CREATE (p:Person {id: row.id})
       SET p += row.props`,
      {
        rows: fresh.map((row) => ({
          id: row.id,
          // No credits yet: their prominence is set by the import's last pass (refreshAllPeople).
          props: { ...storedPerson({ slug: row.slug!, name: row.name, birthYear: row.birthYear, deathYear: row.deathYear, professions: row.professions, imdbId: row.imdbId }), popularity: UNRANKED, popularityBand: popularityBand(UNRANKED), ...created(by) },
        })),
      },
    );
  }
  if (stored.length > 0) {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (p:Person {imdbId: row.imdbId})
       WITH p, row, ${changesAny('p', '{name: row.name, birthYear: row.birthYear, deathYear: row.deathYear, professions: row.professions}')} AS changed
       SET p.version = coalesce(p.version, 1) + CASE WHEN changed THEN 1 ELSE 0 END,
           p.updatedAt = CASE WHEN changed THEN $by.at ELSE p.updatedAt END, p.updatedBy = CASE WHEN changed THEN $by.actor ELSE p.updatedBy END
       SET p.name = row.name, p.sortName = row.folded, p.folded = row.folded,
           p.birthYear = row.birthYear, p.deathYear = row.deathYear, p.professions = row.professions`,
      { rows: stored, by },
    );
  }
}

export interface RoleWrite {
  film: string;
  person: string;
  kind: RoleKindName;
  /** Distinct, in the order given; the stored `job` is the first (model/role.ts). */
  jobs: string[];
  characters: string[];
  billingOrder: number | null;
}

/** The lower of two billing orders; null only when both are. */
function lowestBilling(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Two rows of one person, film and kind as one role: all jobs and characters, without repeats, and the lowest billing order. */
export function mergeRoleRows(a: RoleWrite, b: RoleWrite): RoleWrite {
  return {
    ...a,
    jobs: [...new Set([...a.jobs, ...b.jobs])],
    characters: [...new Set([...a.characters, ...b.characters])],
    billingOrder: lowestBilling(a.billingOrder, b.billingOrder),
  };
}

/**
 * Roles keyed as model/role.ts's roleKey keys them (person id | film id | kind), built in Cypher here
 * from the stored ids. Every role written is stamped with the run (`imdbRun`: what --prune keeps).
 *
 * What a role holds is what this run's rows say of it, all of them merged (mergeRoleRows): the
 * first time a run writes a role, title.principals replaces its jobs, characters and billing
 * order; when the run has written it already (rows of one title in different batches, or
 * title.crew after title.principals), the row is merged into it. title.crew (`onlyNew`) always
 * merges, and gives no jobs, characters or billing, so it only adds directors and writers not
 * already there. So the same files imported twice give the same roles, and raise no version.
 * `credited` and PLAYS links are never touched on a stored role: IMDb says nothing about them.
 */
export async function writeRoles(
  tx: Tx,
  roles: RoleWrite[],
  options: { onlyNew: boolean; run: string },
): Promise<{ created: number; merged: number; updated: number }> {
  const by = imdbAuthorship();
  // Rows of one role in one batch are merged here: one statement must not write a node twice.
  const byKey = new Map<string, RoleWrite>();
  for (const role of roles) {
    const key = `${role.person}|${role.film}|${role.kind}`;
    const earlier = byKey.get(key);
    byKey.set(key, earlier ? mergeRoleRows(earlier, role) : role);
  }
  const inBatch = roles.length - byKey.size;
  const [result] = await tx.run<{ created: number; merged: number }>(
    `UNWIND $rows AS row
     MATCH (p:Person {imdbId: row.person})
     MATCH (f:Film {imdbId: row.film})
     MERGE (r:Role {key: p.id + '|' + f.id + '|' + row.kind})
     ON CREATE SET r.id = row.id, r.kind = row.kind, r.credited = true,
                   r.version = 1, r.createdAt = $by.at, r.createdBy = $by.actor, r.updatedAt = $by.at, r.updatedBy = $by.actor
     // Another batch of this run may be writing the same role (a title's rows far apart in the
     // file): its values are read only under the role's write lock, so neither merge is lost.
     SET r.locked = true REMOVE r.locked
     WITH p, f, r, row, r.id = row.id AS created, coalesce(r.imdbRun = $run, false) AS heldThisRun,
          ${jobsExpression('r')} AS jobs, coalesce(r.characters, []) AS characters
     WITH p, f, r, row, created, heldThisRun,
          CASE WHEN created OR NOT (heldThisRun OR $onlyNew)
               THEN {jobs: row.jobs, characters: row.characters, billingOrder: row.billingOrder}
               ELSE {jobs: jobs + [j IN row.jobs WHERE NOT j IN jobs],
                     characters: characters + [c IN row.characters WHERE NOT c IN characters],
                     billingOrder: CASE WHEN r.billingOrder IS NULL OR row.billingOrder < r.billingOrder
                                        THEN row.billingOrder ELSE r.billingOrder END} END AS next
     WITH p, f, r, created, heldThisRun, next {.*, job: next.jobs[0]} AS next
     WITH p, f, r, created, heldThisRun, next, NOT created AND ${changesAny('r', 'next')} AS changed
     SET r.version = coalesce(r.version, 1) + CASE WHEN changed THEN 1 ELSE 0 END,
         r.updatedAt = CASE WHEN changed THEN $by.at ELSE r.updatedAt END, r.updatedBy = CASE WHEN changed THEN $by.actor ELSE r.updatedBy END
     SET r += next, r.imdbRun = $run
     // A stored role already has both links (every writer makes them with the role), so only a
     // new one needs them, and no MERGE has to walk a busy person's relationships.
     FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (p)-[:HAS_ROLE]->(r), (r)-[:ON_FILM]->(f))
     RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
            sum(CASE WHEN heldThisRun AND NOT created THEN 1 ELSE 0 END) AS merged`,
    { rows: [...byKey.values()].map((role) => ({ ...role, id: newId('Role') })), by, run: options.run, onlyNew: options.onlyNew },
  );
  const created = result?.created ?? 0;
  const again = result?.merged ?? 0;
  // merged: rows that joined a role this run had written (for title.crew, one title.principals gave);
  // updated: roles written for the first time this run that were stored already.
  return { created, merged: again + (options.onlyNew ? 0 : inBatch), updated: byKey.size - created - again };
}

/**
 * The last step of an IMDb import on both paths (Cypher and bulk), so both leave the same graph:
 * every person's popularity from their credits and their films' votes, now all written
 * (model/popularity.ts). Returns how many people were visited.
 */
export async function refreshProminence(db: Database, progress: Progress): Promise<number> {
  const task = progress.begin('prominence', 0);
  try {
    const people = await refreshAllPeople(db, 20_000, (done) => task.update(done, done));
    task.end(`prominence: ${people.toLocaleString('en-US')} people`);
    return people;
  } catch (error) {
    task.end(null);
    throw error;
  }
}

/** Every IMDb id of films or people already stored, page by page; used when a file is absent. */
export async function forEachStoredImdbId(db: Database, label: 'Film' | 'Person', visit: (imdbId: string) => void): Promise<void> {
  const page = 50_000;
  let after = '';
  for (;;) {
    const rows = await db.read<{ imdbId: string }>(
      `MATCH (n:${label}) WHERE n.imdbId > $after
       RETURN n.imdbId AS imdbId ORDER BY imdbId LIMIT $limit`,
      { after, limit: page },
    );
    rows.forEach((row) => visit(row.imdbId));
    if (rows.length < page) return;
    after = rows[rows.length - 1].imdbId;
  }
}

/** Node counts for the report. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const [row] = await db.read<Record<string, number>>(
    `CALL () { MATCH (n:Film) RETURN count(n) AS films }
     CALL () { MATCH (n:Person) RETURN count(n) AS people }
     CALL () { MATCH (n:Role) RETURN count(n) AS roles }
     CALL () { MATCH (n:Genre) RETURN count(n) AS genres }
     RETURN films, people, roles, genres`,
  );
  return row;
}
