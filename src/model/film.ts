import { AUDIT_ENTRIES, AUDIT_READS, EntityProperties, projectionOf, Reading } from './projection';
import { filmPopularity, popularityBand } from './popularity';
import { fold } from './slug';

/**
 * A film as stored: the properties every writer sets and every read projects.
 *
 *   title, originalTitle, year, runtimeMinutes, overview, releaseDate (a Neo4j date)
 *   sortTitle             the title folded (lower case, no diacritics): title order and exact look-ups
 *   alternativeTitles     other titles, distinct, never the title again (every aka's title among them)
 *   akaTitles, akaRegions, akaLanguages, akaTypes
 *                         the akas as IMDb's title.akas gives them, in its order, as parallel lists
 *                         (properties cannot hold maps or lists of lists): '' for no region or
 *                         language, and each aka's types joined by ',' (IMDb's types hold none)
 *   alternativeTitlesText the same, one per line, for the full-text index
 *   folded                title and alternative titles folded, one per line: substring filters and mentions
 *   imdbId, tmdbId, wikidataId
 *   ratingSources, ratingValues, ratingScales, ratingVotes
 *                         outside ratings as parallel lists (properties cannot hold maps); -1 votes: unknown
 *   popularity            the largest known vote count, 0 when none (model/popularity.ts): search's order
 *   popularityBand        that popularity as a word of the full-text index (model/popularity.ts)
 */
export interface FilmValues {
  slug: string;
  title: string;
  originalTitle?: string | null;
  alternativeTitles?: readonly string[];
  akas?: readonly AlternativeTitleValues[];
  year?: number | null;
  runtimeMinutes?: number | null;
  overview?: string | null;
  imdbId?: string | null;
  tmdbId?: string | null;
  wikidataId?: string | null;
  ratings?: readonly { source: string; value: number; scale: number; votes?: number | null }[];
}

/** One alternative title: what a row of IMDb's title.akas says of it. */
export interface AlternativeTitleValues {
  title: string;
  region?: string | null;
  language?: string | null;
  /** IMDb's aka types: imdbDisplay, original, working, alternative, festival… */
  types?: readonly string[];
}

/** The stored parallel lists of a film's akas (see the header). */
export function storedAkas(akas: readonly AlternativeTitleValues[]): Record<string, string[]> {
  // A list that says nothing ('' for every aka) is stored empty: readers take a missing entry as
  // none, and Neo4j's offline importer (the bulk path) keeps no list of empty strings.
  const unlessBlank = (list: string[]) => (list.every((entry) => entry === '') ? [] : list);
  return {
    akaTitles: akas.map((a) => a.title),
    akaRegions: unlessBlank(akas.map((a) => a.region ?? '')),
    akaLanguages: unlessBlank(akas.map((a) => a.language ?? '')),
    akaTypes: unlessBlank(akas.map((a) => (a.types ?? []).join(','))),
  };
}

/** A stored film's akas, from its parallel lists. */
export function akasOf(film: {
  akaTitles?: string[] | null;
  akaRegions?: string[] | null;
  akaLanguages?: string[] | null;
  akaTypes?: string[] | null;
}): { title: string; region: string | null; language: string | null; types: string[] }[] {
  return (film.akaTitles ?? []).map((title, i) => ({
    title,
    region: film.akaRegions?.[i] || null,
    language: film.akaLanguages?.[i] || null,
    types: film.akaTypes?.[i] ? film.akaTypes[i].split(',') : [],
  }));
}

/**
 * The film's title for a region and a language: the aka for both; else, with a region, the
 * region's aka (one without a language first); else, with a language alone, an aka in it; else
 * the title. Among several, IMDb's display title (type imdbDisplay) first, then the first listed.
 * Region and language compare without case ("us" is US).
 */
export function localizedTitle(
  film: { title: string } & Parameters<typeof akasOf>[0],
  region: string | null | undefined,
  language: string | null | undefined,
): string {
  const akas = akasOf(film);
  const same = (a: string | null, b: string | null | undefined) => a !== null && !!b && a.toLowerCase() === b.toLowerCase();
  const best = (found: ReturnType<typeof akasOf>) => found.find((a) => a.types.includes('imdbDisplay')) ?? found[0];
  const tries: ((aka: ReturnType<typeof akasOf>[number]) => boolean)[] = [];
  if (region && language) tries.push((a) => same(a.region, region) && same(a.language, language));
  if (region) tries.push((a) => same(a.region, region) && a.language === null, (a) => same(a.region, region));
  if (language && !region) tries.push((a) => same(a.language, language));
  for (const matches of tries) {
    const found = best(akas.filter(matches));
    if (found) return found.title;
  }
  return film.title;
}

/** The stored properties of a film, except releaseDate (Cypher's date() makes it). */
export function storedFilm(film: FilmValues): Record<string, unknown> {
  const akas = film.akas ?? [];
  const alternativeTitles = distinctTitles([...(film.alternativeTitles ?? []), ...akas.map((a) => a.title)], film.title);
  const ratings = film.ratings ?? [];
  return {
    ...storedAkas(akas),
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
    popularity: filmPopularity(ratings),
    popularityBand: popularityBand(filmPopularity(ratings)),
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
    akaTitles: '.akaTitles',
    akaRegions: '.akaRegions',
    akaLanguages: '.akaLanguages',
    akaTypes: '.akaTypes',
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
    popularity: 'popularity: coalesce(%.popularity, 0)',

    ...AUDIT_ENTRIES,
  },
  reads: {
    __typename: [],
    id: ['id'],
    slug: ['slug'],
    title: ['title'],
    originalTitle: ['originalTitle'],
    alternativeTitles: ['alternativeTitles'],
    akas: ['akaTitles', 'akaRegions', 'akaLanguages', 'akaTypes'],
    localizedTitle: ['title', 'akaTitles', 'akaRegions', 'akaLanguages', 'akaTypes'],
    releaseDate: ['releaseDate'],
    year: ['year'],
    runtimeMinutes: ['runtimeMinutes'],
    overview: ['overview'],
    externalIds: ['imdbId', 'tmdbId', 'wikidataId'],
    ratings: ['ratingSources', 'ratingValues', 'ratingScales', 'ratingVotes'],
    popularity: ['popularity'],
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
