import { Database } from '../db/database';
import type { Film } from '../film/film.type';
import { personProjection } from '../model/person';
import { fold } from '../model/slug';
import { FilmographyArgs, filmographyOf, filmographyParams, StoredFilmography, toFilmography } from '../role/role.service';
import type { Role } from '../role/role.type';
import { Person } from './person.type';

export type PersonKey = 'id' | 'slug' | 'imdbId';

/** Unique-indexed keys only: the property name is picked from this fixed list, never from input. */
const KEY_PROPERTY: Record<PersonKey, string> = { id: 'id', slug: 'slug', imdbId: 'imdbId' };

/** Which parts of a person page to fetch with the person (see `page`). */
export interface PersonPageParts {
  filmography?: { args: FilmographyArgs };
}

export interface PersonPage {
  person: Person;
  filmography?: { roles: Role[]; total: number; films: Film[] };
}

export const personService = {
  /** A person and the page of their filmography the request asks for, in one statement. */
  async page(db: Database, key: PersonKey, value: string, parts: PersonPageParts): Promise<PersonPage | null> {
    const columns = [`${personProjection('p')} AS person`];
    if (parts.filmography) columns.push(`${filmographyOf('p', parts.filmography.args.films)} AS filmography`);
    const [row] = await db.read<{ person: Person; filmography?: StoredFilmography }>(
      `MATCH (p:Person {${KEY_PROPERTY[key]}: $value}) RETURN ${columns.join(', ')}`,
      { value, ...(parts.filmography ? filmographyParams(parts.filmography.args) : {}) },
    );
    if (!row) return null;
    return {
      person: row.person,
      filmography: row.filmography && { ...toFilmography(row.filmography), films: row.filmography.credits.flatMap((c) => c.film ?? []) },
    };
  },

  /** People whose folded name contains the folded fragment, by name; one page plus one row. */
  async find(db: Database, nameContains: string | null | undefined, offset: number, limit: number) {
    const where = nameContains ? 'WHERE p.folded CONTAINS $fragment' : '';
    const params = { fragment: nameContains ? fold(nameContains) : null };
    const rows = await db.read<{ person: Person }>(
      `MATCH (p:Person) ${where}
       WITH p ORDER BY p.sortName, p.id SKIP $offset LIMIT $limit
       RETURN ${personProjection('p')} AS person`,
      { ...params, offset, limit: limit + 1 },
    );
    return {
      people: rows.map((row) => row.person),
      count: async () => (await db.read<{ count: number }>(`MATCH (p:Person) ${where} RETURN count(p) AS count`, params))[0].count,
    };
  },
};
