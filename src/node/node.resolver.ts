import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { Node } from '../common/node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Ctx() { loaders }: Context, @Arg('id', () => ID) id: string): Promise<unknown> {
    return loaders.node(id);
  }

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Ctx() { loaders }: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<unknown[]> {
    return Promise.all(ids.map((id) => loaders.node(id)));
  }
}
