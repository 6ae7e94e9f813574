import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../server/context';
import { labelOfId } from './ids';
import { Node } from './node.type';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Ctx() { loaders }: Context, @Arg('id', () => ID) id: string): Promise<unknown> {
    const label = labelOfId(id);
    return label ? loaders.byLabel[label].load(id) : Promise.resolve(null);
  }

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Ctx() context: Context, @Arg('ids', () => [ID]) ids: string[]): Promise<unknown[]> {
    return Promise.all(ids.map((id) => this.node(context, id)));
  }
}
