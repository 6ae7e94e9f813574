import { badInput } from '../common/errors';
import { Database } from '../db/database';
import { Film } from '../film/film.type';
import { Person, personProjection } from '../person/person.type';
import { RoleKindName } from '../ingest/records';
import { kindsFilter, listSize, sortKinds } from './args';

/**
 * Who worked on which franchise: a person works on a franchise through a role on a film that is
 * IN_FRANCHISE of it.
 *
 * Only the film's own franchise counts, not the larger ones it sits in: a credit on Deadpool 2
 * (in Deadpool, which is PART_OF X-Men) lists Deadpool, not X-Men, and X-Men's people are those of
 * films filed under X-Men itself. One film then never counts twice, and the answer matches
 * Franchise.films; the larger universe is a walk up Franchise.parent for whoever wants it.
 */

export interface PersonFranchise {
  franchiseId: string;
  /** The kinds of the person's roles on the franchise's films, in RoleKind order. */
  kinds: RoleKindName[];
  /** In release order (undated last). */
  filmIds: string[];
}

export interface FranchisePerson {
  personId: string;
  kinds: RoleKindName[];
  /** In release order (undated last). */
  filmIds: string[];
  /** The films themselves, when the franchise page fetched them (at least the key's `films` properties). */
  films?: Film[];
}

/** A DataLoader key for Franchise.people; cache on `JSON.stringify(key)`. */
export interface FranchisePeopleKey {
  franchiseId: string;
  /** Count only roles of these kinds; null or absent: any. */
  kinds?: readonly RoleKindName[] | null;
  /** Keep people on at least this many of the franchise's films; default 1. */
  minFilms?: number | null;
  /** Default 20, at most 100. */
  first?: number | null;
  /** What the request reads of each person's films (propertiesToRead); the loader itself fetches only their ids. */
  films?: string[] | null;
}

/**
 * Each person's franchises, most films first, ties by franchise name. One query for the batch;
 * results in key order, [] for an unknown person or one outside every franchise.
 */
export async function personFranchises(db: Database, personIds: readonly string[]): Promise<PersonFranchise[][]> {
  const rows = await db.read<{ i: number; franchises: PersonFranchise[] }>(
    `UNWIND range(0, size($personIds) - 1) AS i
     MATCH (person:Person {id: $personIds[i]})-[:HAS_ROLE]->(role:Role)-[:ON_FILM]->(film:Film)-[:IN_FRANCHISE]->(franchise:Franchise)
     WITH i, franchise, film, collect(role.kind) AS kinds
     ORDER BY film.releaseDate IS NULL, film.releaseDate, film.sortTitle, film.id
     // Cypher has no flatten without APOC: reduce joins the per-film lists of kinds.
     WITH i, franchise, collect(film.id) AS filmIds, reduce(joined = [], k IN collect(kinds) | joined + k) AS kinds
     ORDER BY size(filmIds) DESC, franchise.name, franchise.id
     RETURN i, collect({franchiseId: franchise.id, kinds: kinds, filmIds: filmIds}) AS franchises`,
    { personIds },
  );
  const byIndex = new Map(rows.map((row) => [row.i, row.franchises]));
  return personIds.map((_, i) => (byIndex.get(i) ?? []).map((f) => ({ ...f, kinds: sortKinds(f.kinds) })));
}

/**
 * Each franchise's people, most films first, ties by name (then id). One query for the batch,
 * each key with its own filters; results in key order, [] for an unknown franchise.
 */
export async function franchisePeople(db: Database, keys: readonly FranchisePeopleKey[]): Promise<FranchisePerson[][]> {
  const params = keys.map((key, i) => ({ i, ...franchisePeopleParams(key) }));
  const rows = await db.read<{ i: number; people: StoredFranchisePerson[] }>(
    `UNWIND $keys AS key
     MATCH (franchise:Franchise {id: key.franchiseId})
     CALL (franchise, key) { ${franchisePeopleOf('franchise', 'key', false)} }
     RETURN key.i AS i, people`,
    { keys: params },
  );
  const byIndex = new Map(rows.map((row) => [row.i, row.people]));
  return params.map((key) => toFranchisePeople(byIndex.get(key.i) ?? []));
}

/** A key checked and with its defaults, as franchisePeopleOf reads it from a map parameter. */
export function franchisePeopleParams(key: FranchisePeopleKey) {
  const minFilms = key.minFilms ?? 1;
  if (!Number.isInteger(minFilms) || minFilms < 0) {
    throw badInput(`minFilms must be a whole number of at least 0; got ${key.minFilms}`, 'minFilms');
  }
  return { franchiseId: key.franchiseId, kinds: kindsFilter(key.kinds, 'kinds'), minFilms, first: listSize(key.first) };
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
