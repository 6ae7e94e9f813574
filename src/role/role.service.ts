import { inKeyOrder } from '../common/batch';
import { Reach, reachOf } from '../common/look-ahead';
import type { PageRequest } from '../common/page';
import { Selection } from '../common/selection';
import { Database } from '../db/database';
import type { Film } from '../film/film.type';
import { FILM_PROPERTIES, filmProjection } from '../model/film';
import { roleProjection } from '../model/role';
import { CREW_ORDER, isCast } from '../model/roles';
import { Role, RoleKind } from './role.type';

/** One collator, made once, for the name order of every film page's credits. */
const byName = new Intl.Collator().compare;

/** Cast in billing order (unbilled last, by name), then crew: directors first, then by kind. */
export function sortFilmRoles(roles: Role[]): Role[] {
  const rank = (role: Role) => (isCast(role.kind) ? -1 : CREW_ORDER.indexOf(role.kind));
  return [...roles].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.billingOrder ?? Number.MAX_SAFE_INTEGER) - (b.billingOrder ?? Number.MAX_SAFE_INTEGER) ||
      byName(a.personName, b.personName) ||
      byName(a.id, b.id),
  );
}

export interface FilmographyArgs {
  kinds: RoleKind[] | null;
  offset: number;
  limit: number;
  /** What to fetch of each role's film. */
  films: Reach;
}

export interface StoredFilmography {
  credits: { role: Role; film?: Film }[];
  total: number;
}

/**
 * One page of the bound person's filmography, newest film first (undated films last), then title
 * and kind, with the total; with each role its film's `films` properties, unless null. The sort
 * runs per person inside the subquery, so a person with thousands of credits costs a top-k sort
 * and only the page crosses the wire. Parameters: filmographyParams.
 */
export function filmographyOf(person: string, films: Reach): string {
  return `{credits: COLLECT {
      MATCH (${person})-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
      WHERE $roleKinds IS NULL OR r.kind IN $roleKinds
      WITH r, f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.year DESC, f.title, r.kind, r.id
      SKIP $roleOffset LIMIT $roleLimit
      OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
      RETURN {role: ${roleProjection('r', person, 'f', 'c')}${films !== 'none' ? `, film: ${filmProjection('f', films)}` : ''}}
    }, total: COUNT { (${person})-[:HAS_ROLE]->(r:Role) WHERE $roleKinds IS NULL OR r.kind IN $roleKinds }}`;
}

/**
 * The filmography loader's arguments for one page, made the same way by Person.roles and the
 * person page so the page's answer is the resolver's cache hit: the films are fetched with their
 * roles, reading what the request shows of them.
 */
export function filmographyArgs(page: PageRequest, kinds: RoleKind[] | null | undefined, selection: Selection): FilmographyArgs {
  return { kinds: kinds ?? null, offset: page.offset, limit: page.limit + 1, films: reachOf(FILM_PROPERTIES, selection.allBelow('film')) };
}

export function filmographyParams(args: FilmographyArgs) {
  return { roleKinds: args.kinds, roleOffset: args.offset, roleLimit: args.limit };
}

export function toFilmography(stored: StoredFilmography): { roles: Role[]; total: number } {
  // A film fetched with its role rides on it (see Role.film).
  return { roles: stored.credits.map((credit) => (credit.film ? { ...credit.role, film: credit.film } : credit.role)), total: stored.total };
}

export const roleService = {
  async byIds(db: Database, ids: readonly string[]): Promise<(Role | null)[]> {
    const rows = await db.read<{ key: string; value: Role }>(
      `UNWIND $ids AS id
       MATCH (p:Person)-[:HAS_ROLE]->(r:Role {id: id})-[:ON_FILM]->(f:Film)
       OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
       RETURN id AS key, ${roleProjection('r', 'p', 'f', 'c')} AS value`,
      { ids },
    );
    return inKeyOrder(ids, rows, null);
  },

  /**
   * One page of each person's filmography, newest film first (undated films last), then title and
   * kind. The sort runs per person inside the subquery, so a person with thousands of credits
   * costs a top-k sort, and only the page crosses the wire.
   */
  async filmographies(db: Database, personIds: readonly string[], args: FilmographyArgs): Promise<{ roles: Role[]; total: number }[]> {
    const rows = await db.read<{ key: string; value: StoredFilmography }>(
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       RETURN personId AS key, ${filmographyOf('p', args.films)} AS value`,
      { personIds, ...filmographyParams(args) },
    );
    return inKeyOrder(personIds, rows, { credits: [], total: 0 }).map(toFilmography);
  },

  /** Roles that play each character, in the films' release order. */
  async portrayals(db: Database, characterIds: readonly string[]): Promise<Role[][]> {
    const rows = await db.read<{ key: string; value: Role[] }>(
      `UNWIND $characterIds AS characterId
       MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:PLAYS]->(c:Character {id: characterId}), (r)-[:ON_FILM]->(f:Film)
       WITH characterId, p, r, f, c ORDER BY f.releaseDate IS NULL, f.releaseDate, f.title, p.name
       RETURN characterId AS key, collect(${roleProjection('r', 'p', 'f', 'c')}) AS value`,
      { characterIds },
    );
    return inKeyOrder(characterIds, rows, []);
  },
};
