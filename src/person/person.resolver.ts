import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { exactlyOne } from '../common/args';
import { ExternalIds, externalIdsOf } from '../common/external-ids.type';
import { Connection, pageRequest, toConnection } from '../common/page';
import { Film } from '../film/film.type';
import { Franchise } from '../franchise/franchise.type';
import { filmographyArgs } from '../role/role.service';
import { Role, RoleConnection, RoleKind } from '../role/role.type';
import type { Context } from '../server/context';
import { Collaboration } from './collaboration.type';
import { PersonFranchise } from './person-franchise.type';
import { PersonFilter } from './person.inputs';
import { loadPersonPage } from './person.page';
import { personService } from './person.service';
import { Person, PersonConnection } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'Exactly one of id, slug, imdbId.' })
  person(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
    @Arg('imdbId', () => String, { nullable: true }) imdbId?: string,
  ): Promise<Person | null> {
    const [key, value] = exactlyOne('person', { id, slug, imdbId });
    return loadPersonPage(context, key, value, Selection.of(info));
  }

  @Query(() => PersonConnection)
  async people(
    @Ctx() { db }: Context,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Person>> {
    const page = pageRequest(first, after);
    const { people, count } = await personService.find(db, filter?.nameContains, page.offset, page.limit);
    return toConnection(people, page, count);
  }

  @FieldResolver(() => ExternalIds)
  externalIds(@Root() person: Person): ExternalIds {
    return externalIdsOf(person);
  }

  @FieldResolver(() => RoleConnection, { description: 'The filmography: every role, newest film first; `kinds` narrows it.' })
  async roles(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('kinds', () => [RoleKind], { nullable: true }) kinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Role>> {
    const page = pageRequest(first, after);
    const { roles, total } = await loaders.filmography.load({ id: person.id, args: filmographyArgs(page, kinds, Selection.of(info)) });
    return toConnection(roles, page, total);
  }

  @FieldResolver(() => [Collaboration], {
    description: "People who share films with this one, most shared first; `kinds` narrows this person's roles, `withKinds` the other's.",
  })
  collaborators(
    @Root() person: Person,
    @Ctx() { loaders }: Context,
    @Arg('kinds', () => [RoleKind], { nullable: true }) kinds?: RoleKind[],
    @Arg('withKinds', () => [RoleKind], { nullable: true }) withKinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true }) first?: number,
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
  @FieldResolver(() => Person)
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
  @FieldResolver(() => Franchise)
  franchise(@Root() worked: PersonFranchise, @Ctx() { loaders }: Context): Promise<Franchise | null> {
    return loaders.franchiseById.load(worked.franchiseId);
  }

  @FieldResolver(() => [Film])
  films(@Root() worked: PersonFranchise, @Ctx() { loaders }: Context): Promise<Film[]> {
    return loaders.entities<Film>('Film', worked.filmIds);
  }
}
