import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { deletePayload, given, mutate, payloadOf } from '../writes/mutation';
import { Outcome } from '../writes/write';
import { DeleteInput, DeletePayload } from '../writes/write.types';
import { ReviewPayload, SubmitReviewInput, UpdateReviewInput } from './review-write.inputs';
import { Review } from './review.type';
import { reviewWrites } from './review.writes';

function reviewPayload(context: Context, outcome: Outcome<string | null>): Promise<ReviewPayload> {
  return payloadOf<Review, 'review'>(outcome, 'review', (id) => context.loaders.reviewById.load(id) as Promise<Review | null>);
}

@Resolver()
export class ReviewMutations {
  @Mutation(() => ReviewPayload, { description: 'Stores a review of a film and links what its text names (EDITOR).' })
  async submitReview(@Ctx() context: Context, @Arg('input', () => SubmitReviewInput, { description: 'The review.' }) input: SubmitReviewInput): Promise<ReviewPayload> {
    return reviewPayload(context, await mutate(context, 'EDITOR', (write) => reviewWrites.submit(write, given(input))));
  }

  @Mutation(() => ReviewPayload, { description: 'Edits a review; its mentions are linked again (EDITOR).' })
  async updateReview(@Ctx() context: Context, @Arg('input', () => UpdateReviewInput, { description: 'The review and the changes.' }) input: UpdateReviewInput): Promise<ReviewPayload> {
    return reviewPayload(context, await mutate(context, 'EDITOR', (write) => reviewWrites.update(write, given(input))));
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a review (ADMIN).' })
  async deleteReview(@Ctx() context: Context, @Arg('input', () => DeleteInput, { description: 'The review.' }) input: DeleteInput): Promise<DeletePayload> {
    return deletePayload(await mutate(context, 'ADMIN', (write) => reviewWrites.remove(write, given(input))));
  }
}
