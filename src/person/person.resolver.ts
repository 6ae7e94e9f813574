import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { exactlyOne } from '../common/args';
import { ExternalIds, externalIdsOf } from '../common/external-ids.type';
import { Connection, pageRequest, toConnection } from '../common/page';
import { filmographyArgs } from '../role/role.service';
import { Role, RoleConnection, RoleKind } from '../role/role.type';
import { Context } from '../server/context';
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
}
