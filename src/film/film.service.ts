import type { Character } from '../character/character.type';
import { inKeyOrder } from '../common/batch';
import { Database } from '../db/database';
import type { Franchise, FranchiseEntry } from '../franchise/franchise.type';
import type { Genre } from '../genre/genre.type';
import { filmProjection } from '../model/film';
import { characterProjection, franchiseProjection, genreProjection } from '../model/named';
import { personProjection } from '../model/person';
import { Reach } from '../common/look-ahead';
import { Reading } from '../model/projection';
import { roleProjection } from '../model/role';
import { fold } from '../model/slug';
import type { Person } from '../person/person.type';
import { sortFilmRoles } from '../role/role.service';
import type { Role } from '../role/role.type';
import type { ReviewSummary } from '../review/review.type';
import { Film } from './film.type';
import { completeRelated, GENRE_SPREAD, Linked, RELATED_PARAMS, relatedByLinks } from './related.service';
import type { RelatedFilm } from './related.type';
import { ReviewPage, reviewPageOf, reviewScoresOf, StoredReviewPage, StoredScores, toReviewPage, toReviewSummary } from '../review/review.service';

/** Which parts of a film page to fetch with the film (see `page`). */
export interface FilmPageParts {
  /** What to read of the film's own properties. */
  film: Reading;
  genres?: boolean;
  /** What to read of the people on the credits, and whether their characters too. */
  credits?: { people: Reach; characters: boolean };
  franchises?: { withFranchise: boolean };
  reviews?: { offset: number; limit: number; reading: Reading };
  reviewSummary?: boolean;
  /** Film.related's key (relatedKey), less the film id. */
  related?: { first: number; reasons: boolean; films: Reading };
}

export interface FilmPage {
  film: Film;
  genres?: Genre[];
  credits?: { roles: Role[]; people: Person[]; characters: Character[] };
  franchises?: { entries: FranchiseEntry[]; franchises: Franchise[] };
  reviews?: ReviewPage;
  reviewSummary?: ReviewSummary;
  related?: RelatedFilm[];
}

interface StoredCredit {
  role: Role;
  person?: Person;
  character?: Character | null;
}
interface StoredEntry {
  entry: FranchiseEntry;
  franchise?: Franchise;
}
interface StoredFilmPage {
  film: Film;
  genres?: Genre[];
  credits?: StoredCredit[];
  franchises?: StoredEntry[];
  reviews?: StoredReviewPage;
  reviewSummary?: StoredScores;
  related?: Linked;
}

// Expressions over a bound film `f`, shared by the loaders' batch queries and the page query so
// both read a film's parts the same way.

const GENRES_OF_FILM = `COLLECT { MATCH (f)-[:IN_GENRE]->(g:Genre) WITH g ORDER BY g.name RETURN ${genreProjection('g')} }`;

/** Each credit's role, and its person and character when asked (the page primes their loaders). */
function creditsOfFilm(parts: { people: Reach; characters: boolean }): string {
  const person = parts.people !== 'none' ? `, person: ${personProjection('p', parts.people)}` : '';
  const character = parts.characters ? `, character: CASE WHEN c IS NULL THEN null ELSE ${characterProjection('c')} END` : '';
  return `COLLECT {
    MATCH (f)<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person)
    OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
    RETURN {role: ${roleProjection('r', 'p', 'f', 'c')}${person}${character}}
  }`;
}

function entriesOfFilm(withFranchise: boolean): string {
  return `COLLECT {
    MATCH (f)-[e:IN_FRANCHISE]->(fr:Franchise)
    WITH e, fr ORDER BY fr.name
    RETURN {entry: {franchiseId: fr.id, filmId: f.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder,
      releaseOrder: CASE WHEN f.releaseDate IS NULL THEN null
        ELSE 1 + COUNT { (o:Film)-[:IN_FRANCHISE]->(fr) WHERE o.releaseDate < f.releaseDate } END}
      ${withFranchise ? `, franchise: ${franchiseProjection('fr')}` : ''}}
  }`;
}

/** A credit's role carrying the person and character fetched with it (see Role.person). */
function withNeighbours(credit: StoredCredit): Role {
  const role = credit.role;
  if (credit.person) role.person = credit.person;
  if (credit.character !== undefined) role.character = credit.character;
  return role;
}

/** One UNWIND statement evaluating `expression` for each film id; `missing` for unknown films. */
async function perFilm<V>(db: Database, filmIds: readonly string[], expression: string, missing: V): Promise<V[]> {
  const rows = await db.read<{ key: string; value: V }>(
    `UNWIND $filmIds AS filmId
     MATCH (f:Film {id: filmId})
     RETURN filmId AS key, ${expression} AS value`,
    { filmIds },
  );
  return inKeyOrder(filmIds, rows, missing);
}

export type FilmKey = 'id' | 'slug' | 'imdbId';

export interface FilmQuery {
  titleContains?: string | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  genres?: string[] | null;
  franchise?: string | null;
  person?: string | null;
  orderField: 'sortTitle' | 'releaseDate' | 'runtimeMinutes';
  descending: boolean;
  offset: number;
  limit: number;
  /** What the page shows of each film. */
  reading: Reading;
}

/** Unique-indexed keys only: the property name is picked from this fixed list, never from input. */
const KEY_PROPERTY: Record<FilmKey, string> = { id: 'id', slug: 'slug', imdbId: 'imdbId' };

export const filmService = {
  async genres(db: Database, filmIds: readonly string[]): Promise<Genre[][]> {
    return perFilm(db, filmIds, GENRES_OF_FILM, []);
  },

  /** Every role of each film, cast in billing order then crew: films have tens of credits, not thousands. */
  async roles(db: Database, filmIds: readonly string[]): Promise<Role[][]> {
    const credits = await perFilm<StoredCredit[]>(db, filmIds, creditsOfFilm({ people: 'none', characters: false }), []);
    return credits.map((list) => sortFilmRoles(list.map((credit) => credit.role)));
  },

  /** releaseOrder counts the franchise's films released earlier: a position, not a stored number. */
  async franchiseEntries(db: Database, filmIds: readonly string[]): Promise<FranchiseEntry[][]> {
    const entries = await perFilm<StoredEntry[]>(db, filmIds, entriesOfFilm(false), []);
    return entries.map((list) => list.map((entry) => entry.entry));
  },

  /**
   * A film and whatever of its page the request asks for, in one statement: what the loaders
   * would otherwise fetch in three rounds of five or six statements.
   */
  async page(db: Database, key: FilmKey, value: string, parts: FilmPageParts): Promise<FilmPage | null> {
    const columns = [`${filmProjection('f', parts.film)} AS film`];
    if (parts.genres) columns.push(`${GENRES_OF_FILM} AS genres`);
    if (parts.credits) columns.push(`${creditsOfFilm(parts.credits)} AS credits`);
    if (parts.franchises) columns.push(`${entriesOfFilm(parts.franchises.withFranchise)} AS franchises`);
    if (parts.reviews) columns.push(`${reviewPageOf('f', parts.reviews.reading)} AS reviews`);
    if (parts.reviewSummary) columns.push(`${reviewScoresOf('f')} AS reviewSummary`);
    let related = '';
    if (parts.related) {
      related = `WITH f, f AS film, {first: $relatedFirst, reasons: $relatedReasons} AS key CALL (film, key) { ${relatedByLinks(parts.related.films)} }`;
      columns.push(`{spread: ${GENRE_SPREAD('f')}, related: related} AS related`);
    }
    const [row] = await db.read<StoredFilmPage>(`MATCH (f:Film {${KEY_PROPERTY[key]}: $value}) ${related} RETURN ${columns.join(', ')}`, {
      value,
      reviewOffset: parts.reviews?.offset ?? 0,
      reviewLimit: parts.reviews?.limit ?? 0,
      relatedFirst: parts.related?.first ?? 0,
      relatedReasons: parts.related?.reasons ?? false,
      ...(parts.related ? RELATED_PARAMS : {}),
    });
    if (!row) return null;
    return {
      film: row.film,
      genres: row.genres,
      credits: row.credits && {
        roles: sortFilmRoles(row.credits.map(withNeighbours)),
        people: row.credits.flatMap((c) => c.person ?? []),
        characters: row.credits.flatMap((c) => c.character ?? []),
      },
      franchises: row.franchises && {
        entries: row.franchises.map((e) => (e.franchise ? { ...e.entry, franchise: e.franchise } : e.entry)),
        franchises: row.franchises.flatMap((e) => e.franchise ?? []),
      },
      reviews: row.reviews && toReviewPage(row.reviews),
      reviewSummary: row.reviewSummary && toReviewSummary(row.reviewSummary),
      related:
        row.related &&
        (await completeRelated(db, [{ i: 0, filmId: row.film.id, ...parts.related! }], [{ i: 0, ...row.related }]))[0],
    };
  },

  /**
   * Films matching a filter, one page. The MATCH starts from the most selective anchor the filter
   * names (a person, a franchise, a genre) so the planner walks from a few nodes, not every film.
   */
  async find(db: Database, query: FilmQuery): Promise<{ films: Film[]; count: () => Promise<number> }> {
    const { match, where, params, distinct } = filmFilter(query);
    const count = async () => {
      const [row] = await db.read<{ count: number }>(`${match} ${where} RETURN count(DISTINCT f) AS count`, params);
      return row.count;
    };
    const byYear = await releasesYearByYear(db, query);
    if (byYear) return { films: byYear, count };
    const direction = query.descending ? 'DESC' : 'ASC';
    // Nulls last in both directions, and the id as the final key so pages never overlap.
    const order = `f.${query.orderField} IS NULL, f.${query.orderField} ${direction}, f.id`;
    const films = await db.read<{ film: Film }>(
      `${match} ${where}
       WITH ${distinct ? 'DISTINCT ' : ''}f ORDER BY ${order} SKIP $offset LIMIT $limit
       RETURN ${filmProjection('f', query.reading)} AS film`,
      { ...params, offset: query.offset, limit: query.limit + 1 },
    );
    return { films: films.map((row) => row.film), count };
  },
};

/** The widest year range browsed year by year; wider ones are rare and take the general plan. */
const MAX_YEARS_BY_YEAR = 30;

/**
 * Films of a year range in release order (browsing a genre's films of the 1990s, newest first):
 * from the index on (year, releaseDate), one year at a time, each year walked in release order
 * and stopped once it has given the page's worth of matches, the years' heads then merged. The
 * general plan reads every film of the genre (or the range) before sorting, which grows with the
 * catalogue; this reads about a page per year. Null when the query is not of that shape, or when
 * the dated films do not fill the page (films without a date sort last, by id: the general plan
 * places them).
 *
 * Most pages come from the first year walked alone (a large catalogue has thousands of films a
 * year), so that year is read first, with the latest (or earliest) date each other year holds,
 * one index entry a year: when the first year fills the page and no other year reaches past its
 * last film, the other years are never walked; else they are, and merged with the first's. A
 * film's year and its release date's year may differ (a late release), which is why the other
 * years are asked rather than assumed older.
 */
async function releasesYearByYear(db: Database, query: FilmQuery): Promise<Film[] | null> {
  const { yearFrom, yearTo } = query;
  if (query.orderField !== 'releaseDate' || query.person || query.franchise) return null;
  if (yearFrom === null || yearFrom === undefined || yearTo === null || yearTo === undefined) return null;
  if (yearTo < yearFrom || yearTo - yearFrom >= MAX_YEARS_BY_YEAR) return null;
  const conditions = ['f.releaseDate IS NOT NULL'];
  const params: Record<string, unknown> = {};
  genreAndTitleConditions([...new Set(query.genres ?? [])], query.titleContains, conditions, params);
  const direction = query.descending ? 'DESC' : 'ASC';
  const otherYears = query.descending ? 'range($yearTo - 1, $yearFrom, -1)' : 'range($yearFrom + 1, $yearTo)';
  const wanted = query.offset + query.limit + 1;
  // Ordering a year's films by year too (one value) lets the planner read them in the index's
  // order and stop at the page; by releaseDate alone it sorted every film of the year first.
  const inIndexOrder = `f.year ${direction}, f.releaseDate ${direction}`;
  const yearHead = (year: string) =>
    `MATCH (f:Film) WHERE f.year = ${year} AND ${conditions.join(' AND ')}
     WITH f ORDER BY ${inIndexOrder}, f.id LIMIT $wanted`;
  const rows = await db.read<{ film: Film }>(
    `CALL () {
       ${yearHead('$firstYear')}
       RETURN collect(f) AS head
     }
     CALL () {
       UNWIND ${otherYears} AS year
       CALL (year) {
         MATCH (f:Film) WHERE f.year = year AND f.releaseDate IS NOT NULL
         WITH f ORDER BY ${inIndexOrder} LIMIT 1
         RETURN f.releaseDate AS edge
       }
       RETURN ${query.descending ? 'max' : 'min'}(edge) AS othersReach
     }
     WITH head, size(head) = $wanted AND coalesce(othersReach ${query.descending ? '<' : '>'} head[-1].releaseDate, true) AS settled
     CALL (head, settled) {
       UNWIND head AS f
       RETURN f
       UNION ALL
       WITH settled WHERE NOT settled
       UNWIND ${otherYears} AS year
       CALL (year) {
         ${yearHead('year')}
         RETURN f
       }
       RETURN f
     }
     WITH f ORDER BY f.releaseDate ${direction}, f.id SKIP $offset LIMIT $limit
     RETURN ${filmProjection('f', query.reading)} AS film`,
    { ...params, yearFrom, yearTo, firstYear: query.descending ? yearTo : yearFrom, wanted, offset: query.offset, limit: query.limit + 1 },
  );
  if (rows.length < query.limit + 1) return null;
  return rows.map((row) => row.film);
}

/** The film `f` is in every one of `genres` and its folded titles hold `titleContains`. */
function genreAndTitleConditions(genres: string[], titleContains: string | null | undefined, conditions: string[], params: Record<string, unknown>): void {
  if (genres.length > 0) {
    params.genres = genres;
    conditions.push('ALL(genre IN $genres WHERE EXISTS { (f)-[:IN_GENRE]->(:Genre {slug: genre}) })');
  }
  if (titleContains) {
    params.titleContains = fold(titleContains);
    conditions.push('f.folded CONTAINS $titleContains');
  }
}

function filmFilter(query: FilmQuery): { match: string; where: string; params: Record<string, unknown>; distinct: boolean } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  const genres = [...new Set(query.genres ?? [])];
  let match = 'MATCH (f:Film)';
  if (query.person) {
    match = 'MATCH (:Person {slug: $person})-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(f:Film)';
    params.person = query.person;
  } else if (query.franchise) {
    match = 'MATCH (f:Film)-[:IN_FRANCHISE]->(:Franchise {slug: $franchise})';
  } else if (genres.length > 0) {
    match = 'MATCH (f:Film)-[:IN_GENRE]->(:Genre {slug: $anchorGenre})';
    params.anchorGenre = genres[0];
  }
  if (query.franchise) {
    params.franchise = query.franchise;
    if (query.person) conditions.push('EXISTS { (f)-[:IN_FRANCHISE]->(:Franchise {slug: $franchise}) }');
  }
  // The anchor genre is matched already; only the others need a check.
  genreAndTitleConditions(match.includes('$anchorGenre') ? genres.slice(1) : genres, query.titleContains, conditions, params);
  if (query.yearFrom !== null && query.yearFrom !== undefined) {
    params.yearFrom = query.yearFrom;
    conditions.push('f.year >= $yearFrom');
  }
  if (query.yearTo !== null && query.yearTo !== undefined) {
    params.yearTo = query.yearTo;
    conditions.push('f.year <= $yearTo');
  }
  // Only a person anchor can reach a film twice (several roles on it); the other anchors are one
  // relationship per film, and DISTINCT would cost a hash of every matching film before the sort.
  return { match, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params, distinct: query.person != null };
}
