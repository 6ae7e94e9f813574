import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';
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

export const FilmConnection = ConnectionType(Film, 'Film');
