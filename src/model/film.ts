import { AUDIT_ENTRIES, AUDIT_READS, EntityProperties, projectionOf, Reading } from './projection';
import { fold } from './slug';

/**
 * A film as stored: the properties every writer sets and every read projects.
 *
 *   title, originalTitle, year, runtimeMinutes, overview, releaseDate (a Neo4j date)
 *   sortTitle             the title folded (lower case, no diacritics): title order and exact look-ups
 *   alternativeTitles     other titles, distinct, never the title again
 *   alternativeTitlesText the same, one per line, for the full-text index
 *   folded                title and alternative titles folded, one per line: substring filters and mentions
 *   imdbId, tmdbId, wikidataId
 *   ratingSources, ratingValues, ratingScales, ratingVotes
 *                         outside ratings as parallel lists (properties cannot hold maps); -1 votes: unknown
 */
export interface FilmValues {
  slug: string;
  title: string;
  originalTitle?: string | null;
  alternativeTitles?: readonly string[];
  year?: number | null;
  runtimeMinutes?: number | null;
  overview?: string | null;
  imdbId?: string | null;
  tmdbId?: string | null;
  wikidataId?: string | null;
  ratings?: readonly { source: string; value: number; scale: number; votes?: number | null }[];
}

/** The stored properties of a film, except releaseDate (Cypher's date() makes it). */
export function storedFilm(film: FilmValues): Record<string, unknown> {
  const alternativeTitles = distinctTitles(film.alternativeTitles ?? [], film.title);
  const ratings = film.ratings ?? [];
  return {
    slug: film.slug,
    title: film.title,
    sortTitle: fold(film.title),
    originalTitle: film.originalTitle ?? null,
    alternativeTitles,
    alternativeTitlesText: alternativeTitles.join('\n'),
    folded: [film.title, ...alternativeTitles].map(fold).join('\n'),
    year: film.year ?? null,
    runtimeMinutes: film.runtimeMinutes ?? null,
    overview: film.overview ?? null,
    imdbId: film.imdbId ?? null,
    tmdbId: film.tmdbId ?? null,
    wikidataId: film.wikidataId ?? null,
    ratingSources: ratings.map((r) => r.source),
    ratingValues: ratings.map((r) => r.value),
    ratingScales: ratings.map((r) => r.scale),
    ratingVotes: ratings.map((r) => r.votes ?? -1),
  };
}

/** Alternative titles without repeats and without the primary title itself. */
function distinctTitles(titles: readonly string[], primary: string): string[] {
  const seen = new Set([primary]);
  return titles.filter((title) => !seen.has(title) && seen.add(title));
}

/** The outside ratings of a stored film, from its parallel lists. */
export function ratingsOf(film: {
  ratingSources?: string[] | null;
  ratingValues?: number[] | null;
  ratingScales?: number[] | null;
  ratingVotes?: number[] | null;
}): { source: string; value: number; scale: number; votes: number | null }[] {
  return (film.ratingSources ?? []).map((source, i) => ({
    source,
    value: film.ratingValues?.[i] ?? 0,
    scale: film.ratingScales?.[i] ?? 0,
    votes: film.ratingVotes?.[i] !== undefined && film.ratingVotes[i] >= 0 ? film.ratingVotes[i] : null,
  }));
}

/** What a Film read carries, and what each of its GraphQL fields reads (see EntityProperties). */
export const FILM_PROPERTIES: EntityProperties = {
  entries: {
    id: '.id',
    slug: '.slug',
    title: '.title',
    originalTitle: '.originalTitle',
    alternativeTitles: 'alternativeTitles: coalesce(%.alternativeTitles, [])',
    releaseDate: 'releaseDate: toString(%.releaseDate)',
    year: '.year',
    runtimeMinutes: '.runtimeMinutes',
    overview: '.overview',
    imdbId: '.imdbId',
    tmdbId: '.tmdbId',
    wikidataId: '.wikidataId',
    ratingSources: '.ratingSources',
    ratingValues: '.ratingValues',
    ratingScales: '.ratingScales',
    ratingVotes: '.ratingVotes',

    ...AUDIT_ENTRIES,
  },
  reads: {
    __typename: [],
    id: ['id'],
    slug: ['slug'],
    title: ['title'],
    originalTitle: ['originalTitle'],
    alternativeTitles: ['alternativeTitles'],
    releaseDate: ['releaseDate'],
    year: ['year'],
    runtimeMinutes: ['runtimeMinutes'],
    overview: ['overview'],
    externalIds: ['imdbId', 'tmdbId', 'wikidataId'],
    ratings: ['ratingSources', 'ratingValues', 'ratingScales', 'ratingVotes'],
    // Resolved through loaders keyed by the film's id.
    genres: [],
    cast: [],
    crew: [],
    directors: [],
    roles: [],
    franchises: [],
    reviews: [],
    reviewSummary: [],
    related: [],
    mentionedIn: [],

    history: [],
    ...AUDIT_READS,
  },
};

/** The Film projection for the variable `name`: `name {…}`, as far as `reading` says. */
export function filmProjection(name: string, reading: Reading = 'all'): string {
  return projectionOf(FILM_PROPERTIES, name, reading);
}
