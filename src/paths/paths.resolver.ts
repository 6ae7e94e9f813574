import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { shownOf } from '../common/look-ahead';
import { Node } from '../common/node.type';
import { Selection } from '../common/selection';
import { Shown } from '../model/entity';
import { Role } from '../role/role.type';
import type { Context } from '../server/context';
import { allShortestPaths, shortestPath } from './paths.service';
import { GraphPath, PathLink, PathNode, PathStep } from './paths.type';

/** What a path request shows of the films and people along it, as nodes and as the ends of steps. */
function shownOnPath(info: GraphQLResolveInfo, selection: Selection): Shown {
  const steps = selection.all('steps').flatMap((use) => [...use.selection.all('from'), ...use.selection.all('to')]);
  return shownOf(info.schema, [...selection.all('nodes'), ...steps].map((use) => use.selection));
}

/** Entities the path read in full stand in for their loaders' answers (see common/look-ahead). */
function primeWhole(context: Context, paths: GraphPath[], shown: Shown): void {
  for (const node of paths.flatMap((path) => path.nodes)) {
    const reading = node.label === 'Film' || node.label === 'Person' ? shown[node.label] ?? 'all' : 'all';
    if (node.entity && reading === 'all') context.loaders.byLabel[node.label].prime(node.id, node.entity);
  }
}

/** A node's entity: as the path read it, else (a person a role stood for) from its loader. */
function entityOf(context: Context, node: PathNode): unknown {
  return node.entity ?? context.loaders.node(node.id);
}

@Resolver(() => GraphPath)
export class PathResolver {
  @Query(() => GraphPath, {
    nullable: true,
    description:
      'A shortest path between two entities, or null where none is within maxHops (default 6, at most 10). `via` defaults to CREDIT, FRANCHISE and CHARACTER: genres join too much to be a default.',
  })
  async shortestPath(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true }) maxHops?: number,
    @Arg('via', () => [PathLink], { nullable: true }) via?: PathLink[],
  ): Promise<GraphPath | null> {
    const selection = Selection.of(info);
    const shown = shownOnPath(info, selection);
    const path = await shortestPath(context.db, { fromId: from, toId: to, maxHops, via, withRoles: selection.reachesThrough(['steps'], 'role'), shown });
    if (path) primeWhole(context, [path], shown);
    return path;
  }

  @Query(() => [GraphPath], { description: 'Every shortest path between two entities (up to `first`, default 10).' })
  async allShortestPaths(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true }) maxHops?: number,
    @Arg('via', () => [PathLink], { nullable: true }) via?: PathLink[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<GraphPath[]> {
    const selection = Selection.of(info);
    const shown = shownOnPath(info, selection);
    const paths = await allShortestPaths(context.db, { fromId: from, toId: to, maxHops, via, first, withRoles: selection.reachesThrough(['steps'], 'role'), shown });
    primeWhole(context, paths, shown);
    return paths;
  }

  @FieldResolver(() => [Node], { description: 'From the start entity to the end entity, inclusive.' })
  nodes(@Root() path: GraphPath, @Ctx() context: Context): unknown[] {
    return path.nodes.map((node) => entityOf(context, node));
  }
}

@Resolver(() => PathStep)
export class PathStepResolver {
  @FieldResolver(() => Node)
  from(@Root() step: PathStep, @Ctx() context: Context): unknown {
    return entityOf(context, step.from);
  }

  @FieldResolver(() => Node)
  to(@Root() step: PathStep, @Ctx() context: Context): unknown {
    return entityOf(context, step.to);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The role that links a person to the film or character; null for other hops.' })
  role(@Root() step: PathStep, @Ctx() { loaders }: Context): Promise<Role | null> | null {
    return step.roleId ? loaders.roleById.load(step.roleId) : null;
  }
}
