import { ClassType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection, PageInfo } from './page';

/** The resolvers that connection types need; buildSchema registers them with the rest. */
export const CONNECTION_RESOLVERS: ClassType[] = [];

/** The Relay connection types for one node type: XEdge and XConnection. */
export function ConnectionType<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that marks its place in the list.` })
  class Edge {
    @Field({ description: 'Pass it as `after` to get the items after this one, or as `before` for those before it.' })
    cursor!: string;

    @Field(() => Item, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of a list of ${name} items, in a total order: paging visits each once.` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The page, each item with its cursor.' })
    edges!: Edge[];

    @Field(() => [Item], { description: 'The page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether there are more pages, and the cursors to reach them.' })
    pageInfo!: PageInfo;
  }

  // totalCount may be a deferred count: the query behind it runs only when a client asks for it.
  @Resolver(() => ConnectionClass)
  class TotalCountResolver {
    @FieldResolver(() => Int, { description: 'How many items the whole list holds (counted only when asked for).' })
    totalCount(@Root() connection: Connection<T>): number | Promise<number> {
      return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
    }
  }
  CONNECTION_RESOLVERS.push(TotalCountResolver);
  return ConnectionClass;
}
