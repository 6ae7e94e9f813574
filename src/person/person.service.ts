import { fold } from '../common/slug';
import { Database } from '../db/database';
import { Person, personProjection } from './person.type';

export const personService = {
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
