import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { ShownProperties, shownProperties } from '../common/node.projection';
import { labelOfId } from '../common/ids';
import { Connection, pageRequest, toConnection } from '../common/page';
import { Label } from '../db/model';
import { Node } from '../common/node.type';
import { Film, FILM_PROPERTIES } from '../film/film.type';
import { primeIfWhole, propertiesToRead } from '../common/projection';
import { relatedFilmProperties } from './related.service';
import { Franchise } from '../franchise/franchise.type';
import { Person } from '../person/person.type';
import { Review, ReviewConnection } from '../review/review.type';
import { RoleKind } from '../role/role.type';
import { Context } from '../server/context';
import { allShortestPaths, GraphPath as StoredPath, shortestPath } from './paths.service';
import {
  Collaboration,
  FranchisePerson,
  GraphPath,
  Mention,
  PathLink,
  PersonFranchise,
  RelatedFilm,
  RelatedReason,
  RelatedReasonKind,
} from './graph.type';

/** Entities for ids, in order, leaving out any deleted since the ids were read. */
async function entities<T>(context: Context, label: Label, ids: readonly string[]): Promise<T[]> {
  const loaded = await context.loaders.byLabel[label].loadMany([...ids]);
  return loaded.filter((entity: unknown) => entity !== null && !(entity instanceof Error)) as T[];
}

function entityOf(context: Context, id: string): Promise<any> {
  const label = labelOfId(id);
  return label ? context.loaders.byLabel[label].load(id) : Promise.resolve(null);
}

/** What a path request shows of the films and people along it, as nodes and as the ends of steps. */
function shownOnPath(info: GraphQLResolveInfo, selection: Selection): ShownProperties {
  const steps = selection.all('steps').flatMap((use) => [...use.selection.all('from'), ...use.selection.all('to')]);
  return shownProperties(info.schema, [...selection.all('nodes'), ...steps].map((use) => use.selection));
}

/**
 * The path's entities; its steps only when the request selects them (each step loads two entities
 * and a role). Entities read whole prime the loaders; films and people read in part serve only
 * this path.
 */
async function toGraphPath(context: Context, path: StoredPath, selection: Selection, shown: ShownProperties): Promise<GraphPath> {
  const inPart = new Map<string, any>();
  for (const node of path.nodes) {
    if (!node.entity) continue;
    if ((node.label === 'Film' || node.label === 'Person') && shown[node.label]) inPart.set(node.id, node.entity);
    else context.loaders.byLabel[node.label].prime(node.id, node.entity);
  }
  const entity = (id: string) => inPart.get(id) ?? entityOf(context, id);
  const nodes = await Promise.all(path.nodes.map((node) => entity(node.id)));
  const steps = !selection.has('steps')
    ? []
    : await Promise.all(
        path.steps.map(async (step) => ({
          from: await entity(step.fromId),
          to: await entity(step.toId),
          role: step.roleId ? await context.loaders.roleById.load(step.roleId) : null,
        })),
      );
  return { length: path.length, nodes, steps };
}

/** A page of reviews that name an entity, newest first. */
async function mentionedInConnection(context: Context, entityId: string, first?: number, after?: string): Promise<Connection<Review>> {
  const page = pageRequest(first, after);
  const { reviewIds, totalCount } = await context.loaders.mentionedIn.load({ entityId, offset: page.offset, limit: page.limit });
  return toConnection(await entities<Review>(context, 'Review', reviewIds), page, totalCount);
}

@Resolver()
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
    return path ? toGraphPath(context, path, selection, shown) : null;
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
    return Promise.all(paths.map((path) => toGraphPath(context, path, selection, shown)));
  }
}

@Resolver(() => Person)
export class PersonGraphResolver {
  @FieldResolver(() => [Collaboration], {
    description: "People who share films with this one, most shared first; `kinds` narrows this person's roles, `withKinds` the other's.",
  })
  async collaborators(
    @Root() person: Person,
    @Ctx() context: Context,
    @Arg('kinds', () => [RoleKind], { nullable: true }) kinds?: RoleKind[],
    @Arg('withKinds', () => [RoleKind], { nullable: true }) withKinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<Collaboration[]> {
    const found = await context.loaders.collaborators.load({ personId: person.id, kinds: kinds ?? null, withKinds: withKinds ?? null, first: first ?? null });
    return Promise.all(
      found.map(async (c) => ({
        person: await context.loaders.personById.load(c.personId),
        count: c.count,
        films: await entities<Film>(context, 'Film', c.filmIds),
      })),
    ) as Promise<Collaboration[]>;
  }

  @FieldResolver(() => [PersonFranchise], { description: 'Franchises this person worked on, with the kinds of roles and the films.' })
  async franchises(@Root() person: Person, @Ctx() context: Context): Promise<PersonFranchise[]> {
    const found = await context.loaders.personFranchises.load(person.id);
    return Promise.all(
      found.map(async (f) => ({
        franchise: await context.loaders.franchiseById.load(f.franchiseId),
        kinds: f.kinds as RoleKind[],
        films: await entities<Film>(context, 'Film', f.filmIds),
      })),
    ) as Promise<PersonFranchise[]>;
  }

  @FieldResolver(() => ReviewConnection, { description: 'Reviews whose text names this person, newest first.' })
  mentionedIn(
    @Root() person: Person,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Review>> {
    return mentionedInConnection(context, person.id, first, after);
  }
}

@Resolver(() => Film)
export class FilmGraphResolver {
  @FieldResolver(() => [RelatedFilm], { description: 'Films related through franchise, shared cast, shared crew and genre, closest first.' })
  async related(
    @Root() film: Film,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<RelatedFilm[]> {
    // The same key as the film page primes: reasons are worked out only when asked for, and the
    // films read only as far as the request shows them.
    const selection = Selection.of(info);
    const films = relatedFilmProperties(selection);
    const found = await context.loaders.relatedFilms.load({ filmId: film.id, first: first ?? null, reasons: selection.has('reasons'), films });
    primeIfWhole(context.loaders.filmById, FILM_PROPERTIES, films, found.map((related) => related.film));
    // `via` is resolved on demand (RelatedReasonResolver): most pages show only the films.
    return found.map((r) => ({
      film: r.film,
      score: r.score,
      reasons: r.reasons.map((reason) => ({ kind: reason.kind as RelatedReasonKind, viaId: reason.viaId })),
    })) as unknown as RelatedFilm[];
  }

  @FieldResolver(() => ReviewConnection, { description: 'Reviews (of any film) whose text names this film.' })
  mentionedIn(
    @Root() film: Film,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Review>> {
    return mentionedInConnection(context, film.id, first, after);
  }
}

@Resolver(() => RelatedReason)
export class RelatedReasonResolver {
  @FieldResolver(() => Node)
  via(@Root() reason: { viaId: string }, @Ctx() context: Context): Promise<Node | null> {
    return entityOf(context, reason.viaId);
  }
}

@Resolver(() => Franchise)
export class FranchiseGraphResolver {
  @FieldResolver(() => [FranchisePerson], {
    description: 'People who worked on the franchise, most films first; `minFilms` keeps those on at least that many.',
  })
  async people(
    @Root() franchise: Franchise,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kinds', () => [RoleKind], { nullable: true }) kinds?: RoleKind[],
    @Arg('minFilms', () => Int, { nullable: true }) minFilms?: number,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<FranchisePerson[]> {
    // The same key as the franchise page primes, whose people carry their films.
    const films = propertiesToRead(FILM_PROPERTIES, Selection.of(info).allBelow('films'));
    const key = { franchiseId: franchise.id, kinds: kinds ?? null, minFilms: minFilms ?? null, first: first ?? null, films };
    const found = await context.loaders.franchisePeople.load(key);
    return Promise.all(
      found.map(async (p) => ({
        person: await context.loaders.personById.load(p.personId),
        kinds: p.kinds as RoleKind[],
        films: p.films ?? (await entities<Film>(context, 'Film', p.filmIds)),
      })),
    ) as Promise<FranchisePerson[]>;
  }

  @FieldResolver(() => ReviewConnection, { description: 'Reviews whose text names this franchise.' })
  mentionedIn(
    @Root() franchise: Franchise,
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Review>> {
    return mentionedInConnection(context, franchise.id, first, after);
  }
}

@Resolver(() => Review)
export class ReviewGraphResolver {
  @FieldResolver(() => [Mention])
  async mentions(@Root() review: Review, @Ctx() context: Context): Promise<Mention[]> {
    const found = await context.loaders.reviewMentions.load(review.id);
    const resolved = await Promise.all(found.map(async (m) => ({ entity: await entityOf(context, m.entityId), text: m.text })));
    return resolved.filter((m) => m.entity !== null);
  }
}
