import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { shownOf } from '../common/look-ahead';
import { Node } from '../common/node.type';
import { Selection } from '../common/selection';
import { Shown } from '../model/entity';
import { Role } from '../role/role.type';
import type { Context } from '../server/context';
import { pathService } from './paths.service';
import { GraphPath, PathLink, PathNode, PathStep } from './paths.type';

/**
 * What a path request reads: the films and people along the path as far as it shows them (as
 * nodes and as the ends of steps), and the roles only when a step's role is asked for.
 */
function readOfPath(info: GraphQLResolveInfo): { shown: Shown; withRoles: boolean } {
  const selection = Selection.of(info);
  const steps = selection.all('steps').flatMap((use) => [...use.selection.all('from'), ...use.selection.all('to')]);
  const shown = shownOf(info.schema, [...selection.all('nodes'), ...steps].map((use) => use.selection));
  return { shown, withRoles: selection.reachesThrough(['steps'], 'role') };
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
    @Arg('from', () => ID, { description: 'Where the path starts: a person, film, franchise, character or genre.' }) from: string,
    @Arg('to', () => ID, { description: 'Where the path ends.' }) to: string,
    @Arg('maxHops', () => Int, { nullable: true, description: 'The most hops a path may have: 1 to 10; 6 when not given.' }) maxHops?: number,
    @Arg('via', () => [PathLink], { nullable: true, description: 'The kinds of link a path may run over; CREDIT, FRANCHISE and CHARACTER when not given.' }) via?: PathLink[],
  ): Promise<GraphPath | null> {
    const read = readOfPath(info);
    const path = await pathService.shortest(context.db, { fromId: from, toId: to, maxHops, via, ...read });
    if (path) primeWhole(context, [path], read.shown);
    return path;
  }

  @Query(() => [GraphPath], { description: 'Every shortest path between two entities (up to `first`, default 10).' })
  async allShortestPaths(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('from', () => ID, { description: 'Where the path starts: a person, film, franchise, character or genre.' }) from: string,
    @Arg('to', () => ID, { description: 'Where the path ends.' }) to: string,
    @Arg('maxHops', () => Int, { nullable: true, description: 'The most hops a path may have: 1 to 10; 6 when not given.' }) maxHops?: number,
    @Arg('via', () => [PathLink], { nullable: true, description: 'The kinds of link a path may run over; CREDIT, FRANCHISE and CHARACTER when not given.' }) via?: PathLink[],
    @Arg('first', () => Int, { nullable: true, description: 'How many paths: 1 to 100; 10 when not given.' }) first?: number,
  ): Promise<GraphPath[]> {
    const read = readOfPath(info);
    const paths = await pathService.allShortest(context.db, { fromId: from, toId: to, maxHops, via, first, ...read });
    primeWhole(context, paths, read.shown);
    return paths;
  }

  @FieldResolver(() => [Node], { description: 'From the start entity to the end entity, inclusive.' })
  nodes(@Root() path: GraphPath, @Ctx() context: Context): unknown[] {
    return path.nodes.map((node) => entityOf(context, node));
  }
}

@Resolver(() => PathStep)
export class PathStepResolver {
  @FieldResolver(() => Node, { description: 'Where the hop starts.' })
  from(@Root() step: PathStep, @Ctx() context: Context): unknown {
    return entityOf(context, step.from);
  }

  @FieldResolver(() => Node, { description: 'Where the hop ends.' })
  to(@Root() step: PathStep, @Ctx() context: Context): unknown {
    return entityOf(context, step.to);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'The role that links a person to the film or character; null for other hops.' })
  role(@Root() step: PathStep, @Ctx() { loaders }: Context): Promise<Role | null> | null {
    return step.roleId ? loaders.roleById.load(step.roleId) : null;
  }
}
