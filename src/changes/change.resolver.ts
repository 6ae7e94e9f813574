import { Arg, ClassType, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Node } from '../common/node.type';
import { Connection, keysetRequest, PAGE_ARG } from '../common/page';
import { Film } from '../film/film.type';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { changeService } from './change.service';
import { Change, ChangeConnection } from './change.type';


@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description: 'Every change, oldest first. A client follows the graph by asking again with `after` set to the last endCursor: no change is missed or seen twice.',
  })
  changes(
    @Ctx() { db }: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor (or an edge cursor) of the last change already seen.' }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: 'The startCursor (or an edge cursor) of a page: the changes just before it, paging back towards the oldest.' }) before?: string,
    @Arg('entityTypes', () => [String], { nullable: true, description: 'Only changes to entities of these types (Film, Person, Role…).' }) entityTypes?: string[],
    @Arg('entityId', () => ID, { nullable: true, description: 'Only the changes to this entity.' }) entityId?: string,
  ): Promise<Connection<Change>> {
    return changeService.feed(db, keysetRequest({ first, after, last, before }), { entityTypes, entityId });
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The entity as it is now; null when it was deleted or merged away.' })
  entity(@Root() change: Change, @Ctx() { loaders }: Context): Promise<unknown> {
    return change.entityId ? loaders.node(change.entityId) : Promise.resolve(null);
  }
}

/** `history` for an entity with an audit trail: the same field on each, resolved one way. */
function historyResolver(Entity: ClassType<{ id: string }>, description: string): ClassType {
  @Resolver(() => Entity)
  class HistoryResolver {
    @FieldResolver(() => ChangeConnection, { description })
    history(
      @Root() entity: { id: string },
      @Ctx() context: Context,
      @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
      @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before: older changes follow.' }) after?: string,
      @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
      @Arg('before', () => String, { nullable: true, description: 'The startCursor of a page: the newer changes just before it.' }) before?: string,
    ): Promise<Connection<Change>> {
      return changeService.history(context.db, entity.id, keysetRequest({ first, after, last, before }));
    }
  }
  return HistoryResolver;
}

export const HISTORY_RESOLVERS = [historyResolver(Film, "This film's changes, newest first."), historyResolver(Person, "This person's changes, newest first.")];
