import { inKeyOrder } from '../common/batch';
import { Database } from '../db/database';
import type { Film } from '../film/film.type';
import { filmProjection } from '../model/film';

export const genreService = {
  /** A page of each genre's films by title; genres hold up to millions of films, so no collect-all. */
  async films(db: Database, genreIds: readonly string[], offset: number, limit: number): Promise<{ films: Film[]; total: number }[]> {
    const rows = await db.read<{ key: string; value: { films: Film[]; total: number } }>(
      `UNWIND $genreIds AS genreId
       MATCH (g:Genre {id: genreId})
       CALL (g) {
         MATCH (f:Film)-[:IN_GENRE]->(g)
         WITH f ORDER BY f.sortTitle, f.id SKIP $offset LIMIT $limit
         RETURN collect(${filmProjection('f')}) AS films
       }
       RETURN genreId AS key, {films: films, total: COUNT { (:Film)-[:IN_GENRE]->(g) }} AS value`,
      { genreIds, offset, limit },
    );
    return inKeyOrder(genreIds, rows, { films: [], total: 0 });
  },
};
