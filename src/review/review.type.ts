import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';

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

export const ReviewConnection = ConnectionType(Review, 'Review');
