import { inKeyOrder } from '../common/batch';
import type { PageRequest } from '../common/page';
import { Database } from '../db/database';
import { Reading } from '../model/projection';
import { reviewProjection, scoreOf } from '../model/review';
import { Review, ReviewSummary } from './review.type';

export function withScore(review: Omit<Review, 'score'>): Review {
  return { ...review, score: scoreOf(review.rating, review.ratingScale) };
}

export interface ReviewPage {
  reviews: Review[];
  total: number;
}
export type StoredReviewPage = { reviews: Omit<Review, 'score'>[]; total: number };
export type StoredScores = { count: number; scores: number[] };

/**
 * One page of the reviews of the bound film `film` (parameters $reviewOffset, $reviewLimit),
 * newest first, undated last, with the total. An expression, so the loaders' batch query and the
 * film page query (film.service) read reviews the same way.
 */
export function reviewPageOf(film: string, reading: Reading = 'all'): string {
  return `{reviews: COLLECT {
      MATCH (r:Review)-[:REVIEWS]->(${film})
      WITH r ORDER BY r.publishedOn IS NULL, r.publishedOn DESC, r.id SKIP $reviewOffset LIMIT $reviewLimit
      RETURN ${reviewProjection('r', film, reading)}
    }, total: COUNT { (:Review)-[:REVIEWS]->(${film}) }}`;
}

/** The review count of the bound film and the scores of its rated reviews (the contract's rounded percentage). */
export function reviewScoresOf(film: string): string {
  return `{count: COUNT { (:Review)-[:REVIEWS]->(${film}) },
    scores: COLLECT { MATCH (r:Review)-[:REVIEWS]->(${film}) WHERE r.rating IS NOT NULL AND coalesce(r.ratingScale, 0) <> 0
                      RETURN round(100.0 * r.rating / r.ratingScale) }}`;
}

/**
 * The key Film.reviews loads one page with (limit + 1 rows: the extra one says a next page
 * exists), built here for both the resolver and the film page.
 */
export function filmReviewsKey(filmId: string, page: PageRequest): { id: string; args: { offset: number; limit: number } } {
  return { id: filmId, args: { offset: page.offset, limit: page.limit + 1 } };
}

export function toReviewPage(page: StoredReviewPage): ReviewPage {
  return { total: page.total, reviews: page.reviews.map(withScore) };
}

/** The mean is over rated reviews only. */
export function toReviewSummary({ count, scores }: StoredScores): ReviewSummary {
  return { count, averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null };
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
  async ofFilms(db: Database, filmIds: readonly string[], offset: number, limit: number): Promise<ReviewPage[]> {
    const rows = await db.read<{ key: string; value: StoredReviewPage }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})
       RETURN filmId AS key, ${reviewPageOf('f')} AS value`,
      { filmIds, reviewOffset: offset, reviewLimit: limit },
    );
    return inKeyOrder(filmIds, rows, { reviews: [], total: 0 }).map(toReviewPage);
  },

  async summaries(db: Database, filmIds: readonly string[]): Promise<ReviewSummary[]> {
    const rows = await db.read<{ key: string; value: StoredScores }>(
      `UNWIND $filmIds AS filmId
       MATCH (f:Film {id: filmId})
       RETURN filmId AS key, ${reviewScoresOf('f')} AS value`,
      { filmIds },
    );
    return inKeyOrder(filmIds, rows, { count: 0, scores: [] }).map(toReviewSummary);
  },
};
