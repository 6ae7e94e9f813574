import { Arg, ClassType, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Node } from '../common/node.type';
import { Connection, offsetConnection, PAGE_ARG } from '../common/page';
import { Film } from '../film/film.type';
import { Franchise } from '../franchise/franchise.type';
import { Person } from '../person/person.type';
import { Review, ReviewConnection } from '../review/review.type';
import type { Context } from '../server/context';
import { Mention } from './mention.type';

@Resolver(() => Review)
export class ReviewMentionsResolver {
  @FieldResolver(() => [Mention], { description: 'The people, films, franchises and characters its text names, in the order it names them.' })
  async mentions(@Root() review: Review, @Ctx() { loaders }: Context): Promise<Mention[]> {
    const found = await loaders.reviewMentions.load(review.id);
    // An entity deleted since the mentions were read is left out rather than answered as null.
    const entities = await Promise.all(found.map((mention) => loaders.node(mention.entityId)));
    return found.filter((_, i) => entities[i] !== null);
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Int, { description: 'Where those words end in the body, exclusive: `start` plus the length of `text`.' })
  end(@Root() mention: Mention): number {
    return mention.start + mention.text.length;
  }

  @FieldResolver(() => Node, { description: 'What the words name.' })
  entity(@Root() mention: Mention, @Ctx() { loaders }: Context): Promise<unknown> {
    return loaders.node(mention.entityId);
  }
}

/** `mentionedIn` for an entity a review can name: the same field on each, resolved one way. */
function mentionedInResolver(Entity: ClassType<{ id: string }>, description: string): ClassType {
  @Resolver(() => Entity)
  class MentionedInResolver {
    @FieldResolver(() => ReviewConnection, { description })
    async mentionedIn(
      @Root() entity: { id: string },
      @Ctx() { loaders }: Context,
      @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
      @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
      @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
      @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
    ): Promise<Connection<Review>> {
      return offsetConnection({ first, after, last, before }, async (page) => {
        const { reviewIds, totalCount } = await loaders.mentionedIn.load({ entityId: entity.id, offset: page.offset, limit: page.limit });
        return { rows: await loaders.entities<Review>('Review', reviewIds), totalCount };
      });
    }
  }
  return MentionedInResolver;
}

export const MENTIONED_IN_RESOLVERS = [
  mentionedInResolver(Person, 'Reviews whose text names this person, newest first.'),
  mentionedInResolver(Film, 'Reviews (of any film) whose text names this film.'),
  mentionedInResolver(Franchise, 'Reviews whose text names this franchise.'),
];
