import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Node } from '../common/node.type';
import { Connection, pageRequest } from '../common/page';
import { Film } from '../film/film.type';
import { Person } from '../person/person.type';
import type { Context } from '../server/context';
import { changeService } from './change.service';
import { Change, ChangeConnection } from './change.type';

const FIRST = 'How many to return: 0 to 100; 20 when not given.';

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description: 'Every change, oldest first. A client follows the graph by asking again with `after` set to the last endCursor: no change is missed or seen twice.',
  })
  changes(
    @Ctx() { db }: Context,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor (or an edge cursor) of the last change already seen.' }) after?: string,
    @Arg('entityTypes', () => [String], { nullable: true, description: 'Only changes to entities of these types (Film, Person, Role…).' }) entityTypes?: string[],
    @Arg('entityId', () => ID, { nullable: true, description: 'Only the changes to this entity.' }) entityId?: string,
  ): Promise<Connection<Change>> {
    return changeService.feed(db, pageRequest(first, after), { entityTypes, entityId });
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The entity as it is now; null when it was deleted or merged away.' })
  entity(@Root() change: Change, @Ctx() { loaders }: Context): Promise<unknown> {
    return change.entityId ? loaders.node(change.entityId) : Promise.resolve(null);
  }
}

function historyOf(context: Context, id: string, first?: number, after?: string): Promise<Connection<Change>> {
  return changeService.history(context.db, id, pageRequest(first, after));
}

@Resolver(() => Film)
export class FilmHistoryResolver {
  @FieldResolver(() => ChangeConnection, { description: "This film's changes, newest first." })
  history(
    @Root() film: Film,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before: older changes follow.' }) after?: string,
  ): Promise<Connection<Change>> {
    return historyOf(context, film.id, first, after);
  }
}

@Resolver(() => Person)
export class PersonHistoryResolver {
  @FieldResolver(() => ChangeConnection, { description: "This person's changes, newest first." })
  history(
    @Root() person: Person,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before: older changes follow.' }) after?: string,
  ): Promise<Connection<Change>> {
    return historyOf(context, person.id, first, after);
  }
}
