import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { Character } from '../character/character.type';
import { exactlyOne } from '../common/args';
import { Connection, pageRequest, toConnection } from '../common/page';
import { Film } from '../film/film.type';
import { Context } from '../server/context';
import { loadFranchisePage } from './franchise.page';
import { franchiseService } from './franchise.service';
import { Franchise, FranchiseConnection, FranchiseEntry, FranchiseOrder } from './franchise.type';

@Resolver(() => Franchise)
export class FranchiseResolver {
  @Query(() => Franchise, { nullable: true })
  franchise(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<Franchise | null> {
    const [key, value] = exactlyOne('franchise', { id, slug });
    return loadFranchisePage(context, key, value, Selection.of(info));
  }

  @Query(() => FranchiseConnection)
  async franchises(
    @Ctx() { db }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Franchise>> {
    const page = pageRequest(first, after);
    const { franchises, count } = await franchiseService.page(db, page.offset, page.limit);
    return toConnection(franchises, page, count);
  }

  @FieldResolver(() => Franchise, { nullable: true })
  parent(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Franchise | null> {
    return loaders.franchiseParent.load(franchise.id);
  }

  @FieldResolver(() => [Franchise])
  children(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Franchise[]> {
    return loaders.franchiseChildren.load(franchise.id);
  }

  @FieldResolver(() => [FranchiseEntry], { description: "Its films, in release order or in the story's own (in-universe) order." })
  async entries(
    @Root() franchise: Franchise,
    @Ctx() { loaders }: Context,
    @Arg('order', () => FranchiseOrder, { nullable: true }) order?: FranchiseOrder,
  ): Promise<FranchiseEntry[]> {
    const entries = await loaders.franchiseEntries.load(franchise.id);
    if (order !== FranchiseOrder.CHRONOLOGICAL) return entries;
    // Films with no known place in the story keep their release order, after the placed ones.
    return [...entries].sort(
      (a, b) =>
        (a.chronologicalOrder ?? Number.MAX_SAFE_INTEGER) - (b.chronologicalOrder ?? Number.MAX_SAFE_INTEGER) ||
        entries.indexOf(a) - entries.indexOf(b),
    );
  }

  @FieldResolver(() => [Character])
  characters(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Character[]> {
    return loaders.franchiseCharacters.load(franchise.id);
  }
}

@Resolver(() => FranchiseEntry)
export class FranchiseEntryResolver {
  @FieldResolver(() => Franchise)
  franchise(@Root() entry: FranchiseEntry, @Ctx() { loaders }: Context): Franchise | Promise<Franchise | null> {
    return entry.franchise ?? loaders.franchiseById.load(entry.franchiseId);
  }

  @FieldResolver(() => Film)
  film(@Root() entry: FranchiseEntry, @Ctx() { loaders }: Context): Film | Promise<Film | null> {
    return entry.film ?? loaders.filmById.load(entry.filmId);
  }
}
