import { Arg, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import { cursorPosition } from '../common/page';
import type { Context } from '../server/context';
import { Change } from './change.type';

interface ChangesArgs {
  after?: string | null;
  entityTypes?: string[] | null;
}

/**
 * Where a subscription starts: after the change whose cursor is given (a bad one is a
 * BAD_USER_INPUT, as for `Query.changes`), or at the feed's head when none is.
 */
function follow({ args, context }: SubscribeResolverData<unknown, ChangesArgs, Context>): Promise<AsyncIterable<Change>> {
  const after = args.after ? cursorPosition(args.after, 'after') : null;
  return context.changeFeed.follow(after, { entityTypes: args.entityTypes });
}

@Resolver(() => Change)
export class ChangeSubscription {
  @Subscription(() => Change, { description: 'Changes as they are committed, starting after the cursor given (or now).', subscribe: follow })
  changes(
    @Root() change: Change,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last change already seen (an endCursor of Query.changes): the changes after it come first. Not given: from now on.' })
    _after?: string,
    @Arg('entityTypes', () => [String], { nullable: true, description: 'Only changes to entities of these types (Film, Person, Role…).' }) _entityTypes?: string[],
  ): Change {
    return change;
  }
}
