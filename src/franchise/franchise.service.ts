import { inKeyOrder } from '../common/batch';
import { Database } from '../db/database';
import { Character, characterProjection } from '../character/character.type';
import { Franchise, FranchiseEntry, franchiseProjection } from './franchise.type';

export const franchiseService = {
  async parents(db: Database, franchiseIds: readonly string[]): Promise<(Franchise | null)[]> {
    const rows = await db.read<{ key: string; value: Franchise }>(
      `UNWIND $franchiseIds AS franchiseId
       MATCH (:Franchise {id: franchiseId})-[:PART_OF]->(parent:Franchise)
       RETURN franchiseId AS key, ${franchiseProjection('parent')} AS value`,
      { franchiseIds },
    );
    return inKeyOrder(franchiseIds, rows, null);
  },

  async children(db: Database, franchiseIds: readonly string[]): Promise<Franchise[][]> {
    const rows = await db.read<{ key: string; value: Franchise[] }>(
      `UNWIND $franchiseIds AS franchiseId
       MATCH (child:Franchise)-[:PART_OF]->(:Franchise {id: franchiseId})
       WITH franchiseId, child ORDER BY child.name
       RETURN franchiseId AS key, collect(${franchiseProjection('child')}) AS value`,
      { franchiseIds },
    );
    return inKeyOrder(franchiseIds, rows, []);
  },

  /** Entries in release order (undated last); releaseOrder is the 1-based position among dated films. */
  async entries(db: Database, franchiseIds: readonly string[]): Promise<FranchiseEntry[][]> {
    const rows = await db.read<{ key: string; value: (FranchiseEntry & { dated: boolean })[] }>(
      `UNWIND $franchiseIds AS franchiseId
       MATCH (f:Film)-[e:IN_FRANCHISE]->(fr:Franchise {id: franchiseId})
       WITH franchiseId, f, e, fr ORDER BY f.releaseDate IS NULL, f.releaseDate, f.title, f.id
       RETURN franchiseId AS key, collect({franchiseId: fr.id, filmId: f.id, kind: e.kind,
         chronologicalOrder: e.chronologicalOrder, dated: f.releaseDate IS NOT NULL}) AS value`,
      { franchiseIds },
    );
    return inKeyOrder(franchiseIds, rows, []).map((entries) =>
      entries.map(({ dated, ...entry }, i) => ({ ...entry, releaseOrder: dated ? i + 1 : null })),
    );
  },

  async characters(db: Database, franchiseIds: readonly string[]): Promise<Character[][]> {
    const rows = await db.read<{ key: string; value: Character[] }>(
      `UNWIND $franchiseIds AS franchiseId
       MATCH (c:Character)-[:FROM_FRANCHISE]->(:Franchise {id: franchiseId})
       WITH franchiseId, c ORDER BY c.name
       RETURN franchiseId AS key, collect(${characterProjection('c')}) AS value`,
      { franchiseIds },
    );
    return inKeyOrder(franchiseIds, rows, []);
  },

  async ofCharacters(db: Database, characterIds: readonly string[]): Promise<(Franchise | null)[]> {
    const rows = await db.read<{ key: string; value: Franchise }>(
      `UNWIND $characterIds AS characterId
       MATCH (:Character {id: characterId})-[:FROM_FRANCHISE]->(fr:Franchise)
       RETURN characterId AS key, ${franchiseProjection('fr')} AS value`,
      { characterIds },
    );
    return inKeyOrder(characterIds, rows, null);
  },

  async page(db: Database, offset: number, limit: number) {
    const rows = await db.read<{ franchise: Franchise }>(
      `MATCH (fr:Franchise) WITH fr ORDER BY fr.name, fr.id SKIP $offset LIMIT $limit
       RETURN ${franchiseProjection('fr')} AS franchise`,
      { offset, limit: limit + 1 },
    );
    return {
      franchises: rows.map((row) => row.franchise),
      count: async () => (await db.read<{ count: number }>('MATCH (fr:Franchise) RETURN count(fr) AS count'))[0].count,
    };
  },
};
