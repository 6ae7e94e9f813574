import { AUDIT_ENTRIES, AUDIT_READS, EntityProperties, projectionOf, Reading } from './projection';

/**
 * A review as stored: publication, author, url, publishedOn (a Neo4j date), rating on
 * ratingScale, headline, body, and `key` (film, publication, author and url: what makes a review
 * the same one again on a repeated import).
 */

/** The contract's score: rating over its scale as a whole percentage; null without a rating. */
export function scoreOf(rating: number | null | undefined, scale: number | null | undefined): number | null {
  if (rating === null || rating === undefined || !scale) return null;
  return Math.round((100 * rating) / scale);
}

/** What a Review read carries, and what each of its GraphQL fields reads (see EntityProperties). */
export const REVIEW_PROPERTIES: EntityProperties = {
  entries: {
    id: '.id',
    publication: '.publication',
    author: '.author',
    url: '.url',
    publishedOn: 'publishedOn: toString(%.publishedOn)',
    rating: '.rating',
    ratingScale: '.ratingScale',
    headline: '.headline',
    body: '.body',

    ...AUDIT_ENTRIES,
  },
  reads: {
    __typename: [],
    id: ['id'],
    publication: ['publication'],
    author: ['author'],
    url: ['url'],
    publishedOn: ['publishedOn'],
    rating: ['rating'],
    ratingScale: ['ratingScale'],
    score: ['rating', 'ratingScale'],
    headline: ['headline'],
    body: ['body'],
    // Resolved from the film id every projection carries, or through loaders keyed by the review's id.
    film: [],
    mentions: [],

    ...AUDIT_READS,
  },
};

/** The Review projection for `name`, reviewing the film bound to `film`, as far as `reading` says. */
export function reviewProjection(name: string, film: string, reading: Reading = 'all'): string {
  return projectionOf(REVIEW_PROPERTIES, name, reading, [`filmId: ${film}.id`]);
}
