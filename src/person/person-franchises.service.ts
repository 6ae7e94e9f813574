import { inKeyOrder, positions } from '../common/batch';
import { Database } from '../db/database';
import { sortKinds } from '../model/roles';
import { PersonFranchise } from './person-franchise.type';

/**
 * The franchises a person worked on: through a role on a film that is IN_FRANCHISE of it. Only
 * the film's own franchise counts, not the larger ones it sits in (see franchise-people.service).
 */
export const personFranchiseService = {
  /**
   * Each person's franchises, most films first, ties by franchise name. One query for the batch;
   * results in key order, [] for an unknown person or one outside every franchise.
   */
  async ofPeople(db: Database, personIds: readonly string[]): Promise<PersonFranchise[][]> {
    const rows = await db.read<{ key: number; value: PersonFranchise[] }>(
      `UNWIND range(0, size($personIds) - 1) AS i
       MATCH (person:Person {id: $personIds[i]})-[:HAS_ROLE]->(role:Role)-[:ON_FILM]->(film:Film)-[:IN_FRANCHISE]->(franchise:Franchise)
       WITH i, franchise, film, collect(role.kind) AS kinds
       ORDER BY film.releaseDate IS NULL, film.releaseDate, film.sortTitle, film.id
       // Cypher has no flatten without APOC: reduce joins the per-film lists of kinds.
       WITH i, franchise, collect(film.id) AS filmIds, reduce(joined = [], k IN collect(kinds) | joined + k) AS kinds
       ORDER BY size(filmIds) DESC, franchise.name, franchise.id
       RETURN i AS key, collect({franchiseId: franchise.id, kinds: kinds, filmIds: filmIds}) AS value`,
      { personIds },
    );
    return inKeyOrder(positions(personIds), rows, []).map((franchises) => franchises.map((f) => ({ ...f, kinds: sortKinds(f.kinds) })));
  },
};
