import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../server/context';
import { Node } from '../common/node.type';
import { Database } from '../db/database';
import { redirectedId } from '../writes/redirects';
import type { Loaders } from '../server/context';

/** The entity an id names, or the one a merged-away id was merged into. */
async function nodeOrSurvivor(db: Database, loaders: Loaders, id: string): Promise<unknown> {
  const found = await loaders.node(id);
  if (found !== null) return found;
  const survivor = await redirectedId(db, id);
  return survivor ? loaders.node(survivor) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its id; null when the id names none.' })
  node(@Ctx() { db, loaders }: Context, @Arg('id', () => ID, { description: 'Any id this API gave out; a merged-away one answers the entity it was merged into.' }) id: string): Promise<unknown> {
    return nodeOrSurvivor(db, loaders, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Entities by their ids, in the order given; null for an id that names none.' })
  nodes(@Ctx() { db, loaders }: Context, @Arg('ids', () => [ID], { description: 'Ids this API gave out; the answer keeps their order.' }) ids: string[]): Promise<unknown[]> {
    return Promise.all(ids.map((id) => nodeOrSurvivor(db, loaders, id)));
  }
}
