import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { Node } from '../common/node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id; null when the id names none.' })
  node(@Ctx() { loaders }: Context, @Arg('id', () => ID, { description: 'Any id this API gave out.' }) id: string): Promise<unknown> {
    return loaders.node(id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Entities by their ids, in the order given; null for an id that names none.' })
  nodes(@Ctx() { loaders }: Context, @Arg('ids', () => [ID], { description: 'Ids this API gave out; the answer keeps their order.' }) ids: string[]): Promise<unknown[]> {
    return Promise.all(ids.map((id) => loaders.node(id)));
  }
}
