import { ClassType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection, PageInfo } from './page';

/** The resolvers that connection types need; buildSchema registers them with the rest. */
export const CONNECTION_RESOLVERS: ClassType[] = [];

/** The Relay connection types for one node type: XEdge and XConnection. */
export function ConnectionType<T extends object>(Item: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  // totalCount may be a deferred count: the query behind it runs only when a client asks for it.
  @Resolver(() => ConnectionClass)
  class TotalCountResolver {
    @FieldResolver(() => Int)
    totalCount(@Root() connection: Connection<T>): number | Promise<number> {
      return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
    }
  }
  CONNECTION_RESOLVERS.push(TotalCountResolver);
  return ConnectionClass;
}
