import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';
import { EntityProperties, projectionOf } from '../common/projection';
import type { ReviewPage } from '../review/review.service';
import type { Role } from '../role/role.type';

@ObjectType({ implements: Node })
export class Film implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  originalTitle!: string | null;

  @Field(() => [String], { description: 'Other titles the film is known by (akas, full marketing titles); searchable.' })
  alternativeTitles!: string[];

  @Field(() => DateScalar, { nullable: true })
  releaseDate!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true })
  runtimeMinutes!: number | null;

  @Field(() => String, { nullable: true })
  overview!: string | null;

  imdbId!: string | null;
  tmdbId!: string | null;
  wikidataId!: string | null;
  ratingSources!: string[] | null;
  ratingValues!: number[] | null;
  ratingScales!: number[] | null;
  ratingVotes!: number[] | null;

  /**
   * Parts of a film page read in part (people or reviews without every property), carried by the
   * film object the page returns so they serve only the fields they were read for (see film.page).
   */
  credits?: Role[];
  reviewPage?: { offset: number; limit: number; page: ReviewPage };
}

@ObjectType({ description: "Aggregate ratings from outside sources, e.g. IMDb's average and vote count." })
export class AggregateRating {
  @Field({ description: "Where the figure comes from, e.g. 'imdb'." })
  source!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Float)
  scale!: number;

  @Field(() => Int, { nullable: true })
  votes!: number | null;
}

/** Ratings are stored as parallel lists (properties cannot hold maps); a vote count of -1 means unknown. */
export function ratingsOf(film: Film): AggregateRating[] {
  return (film.ratingSources ?? []).map((source, i) => ({
    source,
    value: film.ratingValues?.[i] ?? 0,
    scale: film.ratingScales?.[i] ?? 0,
    votes: film.ratingVotes?.[i] !== undefined && film.ratingVotes[i] >= 0 ? film.ratingVotes[i] : null,
  }));
}

/** A Film's stored properties, and what each of its fields reads (see EntityProperties). */
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
  },
};

/**
 * The Film projection for the variable `name`: `f {…}`, every stored property unless `properties`
 * (from propertiesFor) names fewer.
 */
export function filmProjection(name: string, properties: readonly string[] | null = null): string {
  return projectionOf(FILM_PROPERTIES, name, properties);
}

export const FilmConnection = ConnectionType(Film, 'Film');
