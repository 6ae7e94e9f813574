import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { Character } from '../character/character.type';
import { exactlyOne } from '../common/args';
import { Connection, offsetConnection, PAGE_ARG } from '../common/page';
import { Film } from '../film/film.type';
import { Person } from '../person/person.type';
import { RoleKind } from '../role/role.type';
import type { Context } from '../server/context';
import { franchisePeopleKey } from './franchise-people.service';
import { FranchisePerson } from './franchise-person.type';
import { loadFranchisePage } from './franchise.page';
import { franchiseService } from './franchise.service';
import { followingRedirects } from '../writes/redirects';
import { Franchise, FranchiseConnection, FranchiseEntry, FranchiseOrder } from './franchise.type';

@Resolver(() => Franchise)
export class FranchiseResolver {
  @Query(() => Franchise, { nullable: true, description: 'Exactly one of id, slug; null when it names none.' })
  franchise(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Its id, as node(id:) takes it.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: "Its slug, e.g. 'john-wick'." }) slug?: string,
  ): Promise<Franchise | null> {
    const [key, value] = exactlyOne('franchise', { id, slug });
    return followingRedirects(context.db, 'Franchise', key, value, (by, what) => loadFranchisePage(context, by, what, Selection.of(info)));
  }

  @Query(() => FranchiseConnection, { description: 'Franchises by name, a page at a time.' })
  async franchises(
    @Ctx() { db }: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Franchise>> {
    return offsetConnection({ first, after, last, before }, async (page) => {
      const { franchises, count } = await franchiseService.page(db, page.offset, page.limit);
      return { rows: franchises, totalCount: count };
    });
  }

  @FieldResolver(() => Franchise, { nullable: true, description: 'The larger franchise this one sits in (Deadpool in X-Men).' })
  parent(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Franchise | null> {
    return loaders.franchiseParent.load(franchise.id);
  }

  @FieldResolver(() => [Franchise], { description: 'The franchises that sit inside this one, by name.' })
  children(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Franchise[]> {
    return loaders.franchiseChildren.load(franchise.id);
  }

  @FieldResolver(() => [FranchiseEntry], { description: "Its films, in release order or in the story's own (in-universe) order." })
  async entries(
    @Root() franchise: Franchise,
    @Ctx() { loaders }: Context,
    @Arg('order', () => FranchiseOrder, { nullable: true, description: 'RELEASE (the default) or CHRONOLOGICAL, the story\'s own order.' }) order?: FranchiseOrder,
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

  @FieldResolver(() => [Character], { description: 'Its recurring characters, by name.' })
  characters(@Root() franchise: Franchise, @Ctx() { loaders }: Context): Promise<Character[]> {
    return loaders.franchiseCharacters.load(franchise.id);
  }
  @FieldResolver(() => [FranchisePerson], {
    description: 'People who worked on the franchise, most films first; `minFilms` keeps those on at least that many.',
  })
  async people(
    @Root() franchise: Franchise,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Only roles of these kinds count; every kind when not given.' }) kinds?: RoleKind[],
    @Arg('minFilms', () => Int, { nullable: true, description: "Only people on at least this many of the franchise's films; 1 when not given." }) minFilms?: number,
    @Arg('first', () => Int, { nullable: true, description: 'How many to return: 0 to 100; 20 when not given.' }) first?: number,
  ): Promise<FranchisePerson[]> {
    const key = franchisePeopleKey(franchise.id, { kinds, minFilms, first }, Selection.of(info));
    if (key instanceof Error) throw key;
    return loaders.franchisePeople.load(key);
  }
}

@Resolver(() => FranchisePerson)
export class FranchisePersonResolver {
  @FieldResolver(() => Person, { description: 'The person.' })
  person(@Root() worked: FranchisePerson, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.personById.load(worked.personId);
  }

  @FieldResolver(() => [Film], { description: 'The films of the franchise they worked on, in release order.' })
  films(@Root() worked: FranchisePerson, @Ctx() { loaders }: Context): Film[] | Promise<Film[]> {
    return worked.films ?? loaders.entities<Film>('Film', worked.filmIds);
  }
}

@Resolver(() => FranchiseEntry)
export class FranchiseEntryResolver {
  @FieldResolver(() => Franchise, { description: 'The franchise.' })
  franchise(@Root() entry: FranchiseEntry, @Ctx() { loaders }: Context): Franchise | Promise<Franchise | null> {
    return entry.franchise ?? loaders.franchiseById.load(entry.franchiseId);
  }

  @FieldResolver(() => Film, { description: 'The film.' })
  film(@Root() entry: FranchiseEntry, @Ctx() { loaders }: Context): Film | Promise<Film | null> {
    return entry.film ?? loaders.filmById.load(entry.filmId);
  }
}
