import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';
import { EntityProperties, projectionOf } from '../common/projection';

@ObjectType({ implements: Node, description: "A critic's review of a film." })
export class Review implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  publication!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => DateScalar, { nullable: true })
  publishedOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'The rating as published, e.g. 3.5 …' })
  rating!: number | null;

  @Field(() => Float, { nullable: true, description: '… on this scale, e.g. 5.' })
  ratingScale!: number | null;

  @Field(() => Int, { nullable: true, description: 'rating / ratingScale as a whole number from 0 to 100, e.g. 70.' })
  score!: number | null;

  @Field(() => String, { nullable: true })
  headline!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  filmId!: string;
}

@ObjectType()
export class ReviewSummary {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score (0 to 100) of the reviews that carry a rating; null when none do.' })
  averageScore!: number | null;
}

export function scoreOf(rating: number | null | undefined, scale: number | null | undefined): number | null {
  if (rating === null || rating === undefined || !scale) return null;
  return Math.round((100 * rating) / scale);
}

/** A Review's stored properties, and what each of its fields reads (see EntityProperties). */
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
  },
};

/** The Review projection for `name`, reviewing the film bound to `film`; every stored property unless `properties` names fewer. */
export function reviewProjection(name: string, film: string, properties: readonly string[] | null = null): string {
  return projectionOf(REVIEW_PROPERTIES, name, properties, [`filmId: ${film}.id`]);
}

export const ReviewConnection = ConnectionType(Review, 'Review');
