import { inKeyOrder } from '../common/batch';
import { fold } from '../common/slug';
import { Database } from '../db/database';
import { FranchiseEntry } from '../franchise/franchise.type';
import { Genre, genreProjection } from '../genre/genre.type';
import { Role } from '../role/role.type';
import { roleProjection, sortFilmRoles } from '../role/role.service';
import { Film, filmProjection } from './film.type';

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
}

/** Unique-indexed keys only: the property name is picked from this fixed list, never from input. */
const KEY_PROPERTY: Record<FilmKey, string> = { id: 'id', slug: 'slug', imdbId: 'imdbId' };

export const filmService = {
  async byKeys(db: Database, key: FilmKey, values: readonly string[]): Promise<(Film | null)[]> {
    const rows = await db.read<{ key: string; value: Film }>(
      `UNWIND $values AS value
       MATCH (f:Film {${KEY_PROPERTY[key]}: value})
       RETURN value AS key, ${filmProjection('f')} AS value`,
      { values },
    );
    return inKeyOrder(values, rows, null);
  },

  async genres(db: Database, filmIds: readonly string[]): Promise<Genre[][]> {
    const rows = await db.read<{ key: string; value: Genre[] }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})-[:IN_GENRE]->(g:Genre)
       WITH filmId, g ORDER BY g.name
       RETURN filmId AS key, collect(${genreProjection('g')}) AS value`,
      { filmIds },
    );
    return inKeyOrder(filmIds, rows, []);
  },

  /** Every role of each film, cast in billing order then crew: films have tens of credits, not thousands. */
  async roles(db: Database, filmIds: readonly string[]): Promise<Role[][]> {
    const rows = await db.read<{ key: string; value: Role[] }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person)
       OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
       RETURN filmId AS key, collect(${roleProjection('r', 'p', 'f', 'c')}) AS value`,
      { filmIds },
    );
    return inKeyOrder(filmIds, rows, []).map(sortFilmRoles);
  },

  /** releaseOrder counts the franchise's films released earlier: a position, not a stored number. */
  async franchiseEntries(db: Database, filmIds: readonly string[]): Promise<FranchiseEntry[][]> {
    const rows = await db.read<{ key: string; value: FranchiseEntry[] }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})-[e:IN_FRANCHISE]->(fr:Franchise)
       WITH filmId, f, e, fr ORDER BY fr.name
       RETURN filmId AS key, collect({
         franchiseId: fr.id, filmId: f.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder,
         releaseOrder: CASE WHEN f.releaseDate IS NULL THEN null
           ELSE 1 + COUNT { (o:Film)-[:IN_FRANCHISE]->(fr) WHERE o.releaseDate < f.releaseDate } END
       }) AS value`,
      { filmIds },
    );
    return inKeyOrder(filmIds, rows, []);
  },

  /**
   * Films matching a filter, one page. The MATCH starts from the most selective anchor the filter
   * names (a person, a franchise, a genre) so the planner walks from a few nodes, not every film.
   */
  async find(db: Database, query: FilmQuery): Promise<{ films: Film[]; count: () => Promise<number> }> {
    const { match, where, params } = filmFilter(query);
    const direction = query.descending ? 'DESC' : 'ASC';
    // Nulls last in both directions, and the id as the final key so pages never overlap.
    const order = `f.${query.orderField} IS NULL, f.${query.orderField} ${direction}, f.id`;
    const films = await db.read<{ film: Film }>(
      `${match} ${where}
       WITH DISTINCT f ORDER BY ${order} SKIP $offset LIMIT $limit
       RETURN ${filmProjection('f')} AS film`,
      { ...params, offset: query.offset, limit: query.limit + 1 },
    );
    return {
      films: films.map((row) => row.film),
      count: async () => {
        const [row] = await db.read<{ count: number }>(`${match} ${where} RETURN count(DISTINCT f) AS count`, params);
        return row.count;
      },
    };
  },
};

function filmFilter(query: FilmQuery): { match: string; where: string; params: Record<string, unknown> } {
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
  if (genres.length > 0) {
    params.genres = genres;
    conditions.push('ALL(genre IN $genres WHERE EXISTS { (f)-[:IN_GENRE]->(:Genre {slug: genre}) })');
  }
  if (query.titleContains) {
    params.titleContains = fold(query.titleContains);
    conditions.push('f.folded CONTAINS $titleContains');
  }
  if (query.yearFrom !== null && query.yearFrom !== undefined) {
    params.yearFrom = query.yearFrom;
    conditions.push('f.year >= $yearFrom');
  }
  if (query.yearTo !== null && query.yearTo !== undefined) {
    params.yearTo = query.yearTo;
    conditions.push('f.year <= $yearTo');
  }
  return { match, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
