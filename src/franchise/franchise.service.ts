import type { Character } from '../character/character.type';
import { inKeyOrder } from '../common/batch';
import { Reach } from '../common/look-ahead';
import { Database } from '../db/database';
import type { Film } from '../film/film.type';
import { filmProjection } from '../model/film';
import { characterProjection, franchiseProjection } from '../model/named';
import type { Person } from '../person/person.type';
import { FranchisePeopleKey, franchisePeopleOf, franchisePeopleParams, StoredFranchisePerson, toFranchisePeople } from './franchise-people.service';
import { FranchisePerson } from './franchise-person.type';
import { Franchise, FranchiseEntry } from './franchise.type';

/** Which parts of a franchise page to fetch with the franchise (see `page`). */
export interface FranchisePageParts {
  /** What to fetch of each entry's film. */
  entries?: { films: Reach };
  people?: { key: FranchisePeopleKey };
}

export interface FranchisePage {
  franchise: Franchise;
  entries?: { entries: FranchiseEntry[]; films: Film[] };
  people?: { people: FranchisePerson[]; persons: Person[] };
}

type StoredEntry = Omit<FranchiseEntry, 'releaseOrder'> & { dated: boolean; film?: Film };

/** The bound franchise's entries in release order (undated last), with as much of their films as `films` says. */
function entriesOfFranchise(franchise: string, films: Reach): string {
  return `COLLECT {
    MATCH (f:Film)-[e:IN_FRANCHISE]->(${franchise})
    WITH f, e ORDER BY f.releaseDate IS NULL, f.releaseDate, f.title, f.id
    RETURN {franchiseId: ${franchise}.id, filmId: f.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder,
      dated: f.releaseDate IS NOT NULL${films !== 'none' ? `, film: ${filmProjection('f', films)}` : ''}}
  }`;
}

/** releaseOrder is the 1-based position among dated films. */
function toEntries(stored: StoredEntry[]): FranchiseEntry[] {
  // A film fetched with its entry rides on it (see FranchiseEntry.film).
  return stored.map(({ dated, film, ...entry }, i) => ({ ...entry, releaseOrder: dated ? i + 1 : null, ...(film ? { film } : {}) }));
}

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
    const rows = await db.read<{ key: string; value: StoredEntry[] }>(
      `UNWIND $franchiseIds AS franchiseId
       MATCH (fr:Franchise {id: franchiseId})
       RETURN franchiseId AS key, ${entriesOfFranchise('fr', 'none')} AS value`,
      { franchiseIds },
    );
    return inKeyOrder(franchiseIds, rows, []).map(toEntries);
  },

  /**
   * A franchise and whatever of its page the request asks for (entries, their films, its people),
   * in one statement.
   */
  async franchisePage(db: Database, key: 'id' | 'slug', value: string, parts: FranchisePageParts): Promise<FranchisePage | null> {
    const calls: string[] = [];
    const columns = [`${franchiseProjection('fr')} AS franchise`];
    if (parts.entries) columns.push(`${entriesOfFranchise('fr', parts.entries.films)} AS entries`);
    if (parts.people) {
      calls.push(`WITH fr, $peopleKey AS key CALL (fr, key) { ${franchisePeopleOf('fr', 'key', true)} }`);
      columns.push('people');
    }
    const [row] = await db.read<{ franchise: Franchise; entries?: StoredEntry[]; people?: StoredFranchisePerson[] }>(
      `MATCH (fr:Franchise {${key === 'id' ? 'id' : 'slug'}: $value}) ${calls.join(' ')} RETURN ${columns.join(', ')}`,
      { value, peopleKey: parts.people ? franchisePeopleParams(parts.people.key) : null },
    );
    if (!row) return null;
    return {
      franchise: row.franchise,
      entries: row.entries && { entries: toEntries(row.entries), films: row.entries.flatMap((e) => e.film ?? []) },
      people: row.people && { people: toFranchisePeople(row.people), persons: row.people.flatMap((p) => p.person ?? []) },
    };
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
