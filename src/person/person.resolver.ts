import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { exactlyOne } from '../common/args';
import { ExternalIds, externalIdsOf } from '../common/external-ids.type';
import { Connection, offsetConnection, PAGE_ARG } from '../common/page';
import { Film } from '../film/film.type';
import { Franchise } from '../franchise/franchise.type';
import { filmographyArgs } from '../role/role.service';
import { Role, RoleConnection, RoleKind } from '../role/role.type';
import type { Context } from '../server/context';
import { Collaboration } from './collaboration.type';
import { PersonFranchise } from './person-franchise.type';
import { PersonFilter } from './person.inputs';
import { followingRedirects } from '../writes/redirects';
import { loadPersonPage } from './person.page';
import { personService } from './person.service';
import { Person, PersonConnection } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'Exactly one of id, slug, imdbId.' })
  person(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Its id, as node(id:) takes it.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: "Its slug, e.g. 'len-wiseman'." }) slug?: string,
    @Arg('imdbId', () => String, { nullable: true, description: "Its IMDb id, e.g. 'nm0935095'." }) imdbId?: string,
  ): Promise<Person | null> {
    const [key, value] = exactlyOne('person', { id, slug, imdbId });
    return followingRedirects(context.db, 'Person', key, value, (by, what) => loadPersonPage(context, by, what, Selection.of(info)));
  }

  @Query(() => PersonConnection, { description: 'People by name, a page at a time.' })
  async people(
    @Ctx() { db }: Context,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Only the people that match.' }) filter?: PersonFilter,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Person>> {
    return offsetConnection({ first, after, last, before }, async (page) => {
      const { people, count } = await personService.find(db, filter?.nameContains, page.offset, page.limit);
      return { rows: people, totalCount: count };
    });
  }

  @FieldResolver(() => ExternalIds, { description: 'Their ids in IMDb, TMDB and Wikidata.' })
  externalIds(@Root() person: Person): ExternalIds {
    return externalIdsOf(person);
  }

  @FieldResolver(() => RoleConnection, { description: 'The filmography: every role, newest film first; `kinds` narrows it.' })
  async roles(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Only roles of these kinds; every kind when not given.' }) kinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Role>> {
    return offsetConnection({ first, after, last, before }, async (page) => {
      const { roles, total } = await loaders.filmography.load({ id: person.id, args: filmographyArgs(page, kinds, Selection.of(info)) });
      return { rows: roles, totalCount: total };
    });
  }

  @FieldResolver(() => [Collaboration], {
    description: "People who share films with this one, most shared first; `kinds` narrows this person's roles, `withKinds` the other's.",
  })
  collaborators(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: "Only this person's roles of these kinds count; every kind when not given." }) kinds?: RoleKind[],
    @Arg('withKinds', () => [RoleKind], { nullable: true, description: "Only the other person's roles of these kinds count; every kind when not given." }) withKinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true, description: 'How many to return: 0 to 100; 20 when not given.' }) first?: number,
  ): Promise<Collaboration[]> {
    return loaders.collaborators.load({ personId: person.id, kinds: kinds ?? null, withKinds: withKinds ?? null, first: first ?? null });
  }

  @FieldResolver(() => [PersonFranchise], { description: 'Franchises this person worked on, with the kinds of roles and the films.' })
  franchises(@Root() person: Person, @Ctx() { loaders }: Context): Promise<PersonFranchise[]> {
    return loaders.personFranchises.load(person.id);
  }
}

@Resolver(() => Collaboration)
export class CollaborationResolver {
  @FieldResolver(() => Person, { description: 'The other person.' })
  person(@Root() collaboration: Collaboration, @Ctx() { loaders }: Context): Promise<Person | null> {
    return loaders.personById.load(collaboration.personId);
  }

  @FieldResolver(() => [Film], { description: 'The shared films, newest first.' })
  films(@Root() collaboration: Collaboration, @Ctx() { loaders }: Context): Promise<Film[]> {
    return loaders.entities<Film>('Film', collaboration.filmIds);
  }
}

@Resolver(() => PersonFranchise)
export class PersonFranchiseResolver {
  @FieldResolver(() => Franchise, { description: 'The franchise.' })
  franchise(@Root() worked: PersonFranchise, @Ctx() { loaders }: Context): Promise<Franchise | null> {
    return loaders.franchiseById.load(worked.franchiseId);
  }

  @FieldResolver(() => [Film], { description: 'The films of the franchise they worked on, in release order.' })
  films(@Root() worked: PersonFranchise, @Ctx() { loaders }: Context): Promise<Film[]> {
    return loaders.entities<Film>('Film', worked.filmIds);
  }
}
