import { inKeyOrder } from '../common/batch';
import { Database } from '../db/database';
import { Review, ReviewSummary, reviewProjection, scoreOf } from './review.type';

export function withScore(review: Omit<Review, 'score'>): Review {
  return { ...review, score: scoreOf(review.rating, review.ratingScale) };
}

export const reviewService = {
  async byIds(db: Database, ids: readonly string[]): Promise<(Review | null)[]> {
    const rows = await db.read<{ key: string; value: Review }>(
      `UNWIND $ids AS id
       MATCH (r:Review {id: id})-[:REVIEWS]->(f:Film)
       RETURN id AS key, ${reviewProjection('r', 'f')} AS value`,
      { ids },
    );
    return inKeyOrder(ids, rows, null).map((r) => (r ? withScore(r) : null));
  },

  /** A page of each film's reviews, newest first (undated last). */
  async ofFilms(db: Database, filmIds: readonly string[], offset: number, limit: number): Promise<{ reviews: Review[]; total: number }[]> {
    const rows = await db.read<{ key: string; value: { reviews: Review[]; total: number } }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})
       CALL (f) {
         MATCH (r:Review)-[:REVIEWS]->(f)
         WITH r ORDER BY r.publishedOn IS NULL, r.publishedOn DESC, r.id SKIP $offset LIMIT $limit
         RETURN collect(${reviewProjection('r', 'f')}) AS reviews
       }
       RETURN filmId AS key, {reviews: reviews, total: COUNT { (:Review)-[:REVIEWS]->(f) }} AS value`,
      { filmIds, offset, limit },
    );
    return inKeyOrder(filmIds, rows, { reviews: [], total: 0 }).map((page) => ({ ...page, reviews: page.reviews.map(withScore) }));
  },

  /** The mean is over rated reviews only; the score rule is the contract's (rounded percentage). */
  async summaries(db: Database, filmIds: readonly string[]): Promise<ReviewSummary[]> {
    const rows = await db.read<{ key: string; value: { count: number; scores: number[] } }>(
      `UNWIND $filmIds AS filmId
       MATCH (r:Review)-[:REVIEWS]->(:Film {id: filmId})
       RETURN filmId AS key, {count: count(r),
         scores: collect(CASE WHEN r.rating IS NULL OR coalesce(r.ratingScale, 0) = 0 THEN null
                         ELSE round(100.0 * r.rating / r.ratingScale) END)} AS value`,
      { filmIds },
    );
    return inKeyOrder(filmIds, rows, { count: 0, scores: [] }).map(({ count, scores }) => ({
      count,
      averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    }));
  },
};
