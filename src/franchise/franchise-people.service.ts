import { kindsFilter } from '../common/args';
import { inKeyOrder, positions } from '../common/batch';
import { badInput, ReelgraphError } from '../common/errors';
import { reachOf } from '../common/look-ahead';
import { checkedLimit } from '../common/page';
import { Selection } from '../common/selection';
import { Database } from '../db/database';
import { FILM_PROPERTIES } from '../model/film';
import { personProjection } from '../model/person';
import { Reach } from '../common/look-ahead';
import { RoleKindName, sortKinds } from '../model/roles';
import type { Person } from '../person/person.type';
import { FranchisePerson } from './franchise-person.type';

/**
 * Who worked on which franchise: a person works on a franchise through a role on a film that is
 * IN_FRANCHISE of it.
 *
 * Only the film's own franchise counts, not the larger ones it sits in: a credit on Deadpool 2
 * (in Deadpool, which is PART_OF X-Men) lists Deadpool, not X-Men, and X-Men's people are those of
 * films filed under X-Men itself. One film then never counts twice, and the answer matches
 * Franchise.films; the larger universe is a walk up Franchise.parent for whoever wants it.
 */

/** What Franchise.people is asked: a franchise and that field's arguments, with their defaults. */
export interface FranchisePeopleKey {
  franchiseId: string;
  /** Count only roles of these kinds; null: any. */
  kinds: readonly RoleKindName[] | null;
  /** Keep people on at least this many of the franchise's films. */
  minFilms: number;
  first: number;
  /** What the request reads of each person's films; the loader itself fetches only their ids. */
  films: Reach;
}

/** Franchise.people's arguments as a client gives them. */
export interface FranchisePeopleArgs {
  kinds?: readonly string[] | null;
  minFilms?: number | null;
  first?: number | null;
}

/**
 * The key Franchise.people loads for a field's arguments and selection, built here for both the
 * resolver and the franchise page (whose people carry their films); the error value that names a
 * bad argument otherwise.
 */
export function franchisePeopleKey(franchiseId: string, args: FranchisePeopleArgs, selection: Selection | null): FranchisePeopleKey | ReelgraphError {
  const minFilms = args.minFilms ?? 1;
  if (!Number.isInteger(minFilms) || minFilms < 0) return badInput(`minFilms must be a whole number of at least 0; got ${args.minFilms}`, 'minFilms');
  const page = checkedLimit(args.first);
  if (page instanceof ReelgraphError) return page;
  const films = selection ? reachOf(FILM_PROPERTIES, selection.allBelow('films')) : 'none';
  return { franchiseId, kinds: kindsFilter(args.kinds, 'kinds'), minFilms, first: page, films };
}

export const franchisePeopleService = {
  /**
   * Each franchise's people, most films first, ties by name (then id). One query for the batch,
   * each key with its own filters; results in key order, [] for an unknown franchise.
   */
  async ofFranchises(db: Database, keys: readonly FranchisePeopleKey[]): Promise<FranchisePerson[][]> {
    const rows = await db.read<{ key: number; value: StoredFranchisePerson[] }>(
      `UNWIND $keys AS key
       MATCH (franchise:Franchise {id: key.franchiseId})
       CALL (franchise, key) { ${franchisePeopleOf('franchise', 'key', false)} }
       RETURN key.i AS key, people AS value`,
      { keys: keys.map((key, i) => ({ i, ...franchisePeopleParams(key) })) },
    );
    return inKeyOrder(positions(keys), rows, []).map(toFranchisePeople);
  },
};

/** The parts of a key franchisePeopleOf reads from its map parameter. */
export function franchisePeopleParams({ franchiseId, kinds, minFilms, first }: FranchisePeopleKey) {
  return { franchiseId, kinds, minFilms, first };
}

export type StoredFranchisePerson = FranchisePerson & { person?: Person };

/**
 * The body of a CALL over a bound franchise and a key map (franchisePeopleParams), returning
 * `people`: each person with the kinds of their roles and their films, and the person's stored
 * properties when `withPerson` (the franchise page primes the person loader with them).
 */
export function franchisePeopleOf(franchise: string, key: string, withPerson: boolean): string {
  return `MATCH (${franchise})<-[:IN_FRANCHISE]-(film:Film)<-[:ON_FILM]-(role:Role)<-[:HAS_ROLE]-(person:Person)
       WHERE ${key}.kinds IS NULL OR role.kind IN ${key}.kinds
       WITH person, film, collect(role.kind) AS kinds
       ORDER BY film.releaseDate IS NULL, film.releaseDate, film.sortTitle, film.id
       WITH person, collect(film.id) AS filmIds, reduce(joined = [], k IN collect(kinds) | joined + k) AS kinds
       WHERE size(filmIds) >= ${key}.minFilms
       ORDER BY size(filmIds) DESC, person.sortName, person.name, person.id
       WITH collect({personId: person.id, kinds: kinds, filmIds: filmIds${withPerson ? `, person: ${personProjection('person')}` : ''}}) AS ranked
       RETURN ranked[..${key}.first] AS people`;
}

export function toFranchisePeople(people: StoredFranchisePerson[]): FranchisePerson[] {
  return people.map(({ person: _person, ...p }) => ({ ...p, kinds: sortKinds(p.kinds) }));
}
