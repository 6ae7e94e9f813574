import { kindsFilter } from '../common/args';
import { inKeyOrder, positions } from '../common/batch';
import { listLimit } from '../common/page';
import { Database } from '../db/database';
import { RoleKindName } from '../model/roles';
import { Collaboration } from './collaboration.type';

/**
 * A DataLoader key for Person.collaborators: the person and that field's arguments. Keys with
 * different arguments still share one query (each row carries its own filters).
 */
export interface CollaboratorsKey {
  personId: string;
  /** Narrows this person's roles; null or absent: any. */
  kinds?: readonly RoleKindName[] | null;
  /** Narrows the other person's roles; null or absent: any. */
  withKinds?: readonly RoleKindName[] | null;
  /** Default 20, at most 100. */
  first?: number | null;
}

/**
 * People who share films with each key's person, most shared films first, ties by name (then id).
 * One query for the whole batch; results in key order, [] for an unknown person.
 */
export const collaboratorService = {
  async ofPeople(db: Database, keys: readonly CollaboratorsKey[]): Promise<Collaboration[][]> {
    const rows = keys.map((key, i) => ({
      i,
      personId: key.personId,
      kinds: kindsFilter(key.kinds, 'kinds'),
      withKinds: kindsFilter(key.withKinds, 'withKinds'),
      first: listLimit(key.first),
    }));
    const found = await db.read<{ key: number; value: Collaboration[] }>(
      `UNWIND $rows AS row
       MATCH (person:Person {id: row.personId})
       CALL (person, row) {
         MATCH (person)-[:HAS_ROLE]->(mine:Role)-[:ON_FILM]->(film:Film)<-[:ON_FILM]-(theirs:Role)<-[:HAS_ROLE]-(other:Person)
         WHERE other <> person
           AND (row.kinds IS NULL OR mine.kind IN row.kinds)
           AND (row.withKinds IS NULL OR theirs.kind IN row.withKinds)
         // Several roles on one film (director and producer, say) still make one shared film.
         WITH DISTINCT other, film
         ORDER BY film.releaseDate IS NULL, film.releaseDate DESC, film.sortTitle, film.id
         WITH other, collect(film.id) AS filmIds
         ORDER BY size(filmIds) DESC, other.sortName, other.name, other.id
         WITH collect({personId: other.id, count: size(filmIds), filmIds: filmIds}) AS ranked
         RETURN ranked[..row.first] AS collaborations
       }
       RETURN row.i AS key, collaborations AS value`,
      { rows },
    );
    return inKeyOrder(positions(keys), found, []);
  },
};
