import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Audited } from '../common/audited.type';
import { ConnectionType } from '../common/connection.type';
import { DateScalar } from '../common/date.scalar';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: "A critic's review of a film." })
export class Review extends Audited implements Node {
  @Field(() => ID, { description: "Opaque and stable for the review's life; node(id:) resolves it." })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Where it was published, e.g. a newspaper or a site.' })
  publication!: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it.' })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it.' })
  url!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'The rating as published, e.g. 3.5 …' })
  rating!: number | null;

  @Field(() => Float, { nullable: true, description: '… on this scale, e.g. 5.' })
  ratingScale!: number | null;

  @Field(() => Int, { nullable: true, description: 'The rating over its scale as a whole number from 0 to 100, e.g. 70.' })
  score!: number | null;

  @Field(() => String, { nullable: true, description: 'Its title.' })
  headline!: string | null;

  @Field(() => String, { nullable: true, description: 'Its text (a summary of the review in our own words for the seed).' })
  body!: string | null;

  filmId!: string;
}

@ObjectType({ description: "What a film's reviews add up to." })
export class ReviewSummary {
  @Field(() => Int, { description: 'How many reviews the film has.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score (0 to 100) of the reviews that carry a rating; null when none do.' })
  averageScore!: number | null;
}

export const ReviewConnection = ConnectionType(Review, 'Review');
