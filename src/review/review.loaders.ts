import { argsLoader, keyLoader } from '../common/batch';
import { Database } from '../db/database';
import { reviewService } from './review.service';

export function reviewLoaders(db: Database) {
  return {
    reviewById: keyLoader((ids) => reviewService.byIds(db, ids)),
    filmReviews: argsLoader((filmIds, page: { offset: number; limit: number }) => reviewService.ofFilms(db, filmIds, page.offset, page.limit)),
    reviewSummary: keyLoader((filmIds) => reviewService.summaries(db, filmIds)),
  };
}
