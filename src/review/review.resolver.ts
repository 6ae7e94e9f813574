import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Film } from '../film/film.type';
import type { Context } from '../server/context';
import { Review } from './review.type';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Film, { description: 'The film reviewed.' })
  film(@Root() review: Review, @Ctx() { loaders }: Context): Promise<Film | null> {
    return loaders.filmById.load(review.filmId);
  }
}
