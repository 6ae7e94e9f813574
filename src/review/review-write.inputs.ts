import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { UserError } from '../writes/write.types';
import { Review } from './review.type';

/** The fields every review input shares; a field left out stays as it is, an explicit null clears it. */
@InputType()
abstract class ReviewFieldsInput {
  @Field(() => String, { nullable: true, description: 'Its headline.' })
  headline?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was published.' })
  publication?: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it.' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read (http or https).' })
  url?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was published.' })
  publishedOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'The rating given, from 0 to ratingScale.' })
  rating?: number | null;

  @Field(() => Float, { nullable: true, description: 'The best possible rating (e.g. 5 or 10); needed with a rating.' })
  ratingScale?: number | null;
}

@InputType({ description: "A review of a film. Its text's mentions of people, films, franchises and characters are linked as it is stored." })
export class SubmitReviewInput extends ReviewFieldsInput {
  @Field(() => ID, { description: 'The film reviewed.' })
  film!: string;

  @Field({ description: 'The text; not empty, at most 20000 characters.' })
  body!: string;

  @Field(() => String, { nullable: true, description: "A retried submit with the same key answers the first submit's review instead of storing a second." })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Changes to a review: a field left out stays as it is, an explicit null clears it.' })
export class UpdateReviewInput extends ReviewFieldsInput {
  @Field(() => ID, { description: 'The review to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'The text; its mentions are linked again.' })
  body?: string | null;
}

@ObjectType({ description: 'What a review mutation did.' })
export class ReviewPayload {
  @Field(() => Review, { nullable: true, description: 'The review as it is now, with its mentions; null when nothing was stored.' })
  review!: Review | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
