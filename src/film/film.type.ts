import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Audited } from '../common/audited.type';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';
import type { ReviewPage } from '../review/review.service';
import type { Role } from '../role/role.type';

@ObjectType({ implements: Node, description: 'A feature film or a TV film, with its credits, franchises, genres and reviews.' })
export class Film extends Audited implements Node {
  @Field(() => ID, { description: "Opaque and stable for the film's life; node(id:) resolves it." })
  id!: string;

  @Field({ description: "Human-readable key: the title and the year, e.g. 'ballerina-2025'; unique and stable once given." })
  slug!: string;

  @Field({ description: 'The title it is released under in English-speaking markets.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The title in its original language, where it differs.' })
  originalTitle!: string | null;

  @Field(() => [String], { description: 'Other titles the film is known by (akas, full marketing titles); searchable.' })
  alternativeTitles!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Its first release, where known.' })
  releaseDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year of its first release.' })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: 'Running time in minutes.' })
  runtimeMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'A short summary of the story.' })
  overview!: string | null;

  @Field(() => Int, {
    description: "How much people look for it: IMDb's vote count (the largest known among its ratings), 0 when none is known. Search orders equal scores by it.",
  })
  popularity!: number;

  imdbId!: string | null;
  tmdbId!: string | null;
  wikidataId!: string | null;
  ratingSources!: string[] | null;
  ratingValues!: number[] | null;
  ratingScales!: number[] | null;
  ratingVotes!: number[] | null;
  akaTitles!: string[] | null;
  akaRegions!: string[] | null;
  akaLanguages!: string[] | null;
  akaTypes!: string[] | null;

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

  @Field(() => Float, { description: 'The rating, e.g. 7.9 …' })
  value!: number;

  @Field(() => Float, { description: '… out of this, e.g. 10.' })
  scale!: number;

  @Field(() => Int, { nullable: true, description: 'How many votes the rating is the mean of, where known.' })
  votes!: number | null;
}

@ObjectType({ description: "An alternative title as IMDb's title.akas lists it: where it is used, in which language, and what kind of title it is." })
export class AlternativeTitle {
  @Field({ description: 'The title, as written there.' })
  title!: string;

  @Field(() => String, { nullable: true, description: "Where it is used: an ISO 3166 region code, e.g. 'US', 'FR'; null when IMDb gives none (an original title, say)." })
  region!: string | null;

  @Field(() => String, { nullable: true, description: "Its language, an ISO 639 code, e.g. 'en', 'fr'; null when IMDb gives none (most akas)." })
  language!: string | null;

  @Field(() => [String], { description: "IMDb's types for it: 'imdbDisplay' (the title IMDb shows in that region), 'original', 'working', 'alternative', 'festival', 'dvd', 'tv', 'video'; often none." })
  types!: string[];
}

export const FilmConnection = ConnectionType(Film, 'Film');
