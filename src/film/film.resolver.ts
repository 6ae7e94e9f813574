import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Selection } from '../common/selection';
import { exactlyOne } from '../common/args';
import { ExternalIds, externalIdsOf } from '../common/external-ids.type';
import { badInput } from '../common/errors';
import { OrderDirection } from '../common/order';
import { primeIfWhole, readingOf } from '../common/look-ahead';
import { Node } from '../common/node.type';
import { Connection, connectionNodes, offsetConnection, PAGE_ARG, pageRequest, sliceConnection } from '../common/page';
import { FranchiseEntry } from '../franchise/franchise.type';
import { Genre } from '../genre/genre.type';
import { akasOf, FILM_PROPERTIES, localizedTitle, ratingsOf } from '../model/film';
import { isCast } from '../model/roles';
import { Person } from '../person/person.type';
import { filmReviewsKey } from '../review/review.service';
import { Review, ReviewConnection, ReviewSummary } from '../review/review.type';
import { Role, RoleConnection, RoleKind } from '../role/role.type';
import type { Context } from '../server/context';
import { FilmFilter, FilmOrder, FilmOrderField } from './film.inputs';
import { followingRedirects } from '../writes/redirects';
import { loadFilmPage } from './film.page';
import { filmService } from './film.service';
import { AggregateRating, AlternativeTitle, Film, FilmConnection } from './film.type';
import { relatedKey } from './related.service';
import { RelatedFilm, RelatedReason } from './related.type';

const ORDER_PROPERTY = { [FilmOrderField.TITLE]: 'sortTitle', [FilmOrderField.RELEASE_DATE]: 'releaseDate', [FilmOrderField.RUNTIME]: 'runtimeMinutes' } as const;

@Resolver(() => Film)
export class FilmResolver {
  @Query(() => Film, { nullable: true, description: 'Exactly one of id, slug, imdbId.' })
  film(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { nullable: true, description: 'Its id, as node(id:) takes it.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: "Its slug, e.g. 'ballerina-2025'." }) slug?: string,
    @Arg('imdbId', () => String, { nullable: true, description: "Its IMDb id, e.g. 'tt7181546'." }) imdbId?: string,
  ): Promise<Film | null> {
    const [key, value] = exactlyOne('film', { id, slug, imdbId });
    return followingRedirects(context.db, 'Film', key, value, (by, what) => loadFilmPage(context, by, what, Selection.of(info)));
  }

  @Query(() => FilmConnection, { description: 'Films, filtered and sorted, a page at a time.' })
  async films(
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => FilmFilter, { nullable: true, description: 'Only the films that match every condition given.' }) filter?: FilmFilter,
    @Arg('orderBy', () => FilmOrder, { nullable: true, description: 'The order of the list; by title when not given. Ties go by id.' }) orderBy?: FilmOrder,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Film>> {
    pageRequest({ first, after, last, before });
    if (filter?.yearFrom != null && filter?.yearTo != null && filter.yearFrom > filter.yearTo) {
      throw badInput(`filter.yearFrom (${filter.yearFrom}) is after filter.yearTo (${filter.yearTo})`, 'filter');
    }
    return offsetConnection({ first, after, last, before }, async (page) => {
      const { films, count } = await filmService.find(db, {
        ...filter,
        orderField: ORDER_PROPERTY[orderBy?.field ?? FilmOrderField.TITLE],
        descending: orderBy?.direction === OrderDirection.DESC,
        ...page,
        // A browsing page shows a few fields of each film: the rest is not read. The films are the
        // page's own, never primed into the film loader, so nothing else can find them partial.
        reading: readingOf(FILM_PROPERTIES, connectionNodes(Selection.of(info))),
      });
      return { rows: films, totalCount: count };
    });
  }

  @FieldResolver(() => [Genre], { description: 'Its genres, by name.' })
  genres(@Root() film: Film, @Ctx() { loaders }: Context): Promise<Genre[]> {
    return loaders.filmGenres.load(film.id);
  }

  @FieldResolver(() => ExternalIds, { description: 'Its ids in IMDb, TMDB and Wikidata.' })
  externalIds(@Root() film: Film): ExternalIds {
    return externalIdsOf(film);
  }

  @FieldResolver(() => [Role], { description: 'ACTOR and SELF roles in billing order.' })
  async cast(@Root() film: Film, @Ctx() { loaders }: Context): Promise<Role[]> {
    return (await creditsOf(film, loaders)).filter((role) => isCast(role.kind));
  }

  @FieldResolver(() => [Role], { description: 'Every other role, DIRECTOR first, then by kind; `kinds` narrows it.' })
  async crew(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Only roles of these kinds; every kind when not given.' }) kinds?: RoleKind[],
  ): Promise<Role[]> {
    const roles = await creditsOf(film, loaders);
    return roles.filter((role) => !isCast(role.kind) && (!kinds || kinds.includes(role.kind)));
  }

  @FieldResolver(() => [Person], { description: 'The people with a DIRECTOR role, credited or not.' })
  async directors(@Root() film: Film, @Ctx() { loaders }: Context): Promise<Person[]> {
    const directing = (await creditsOf(film, loaders)).filter((r) => r.kind === RoleKind.DIRECTOR);
    if (directing.every((r) => r.person)) return directing.map((r) => r.person!);
    const people = await loaders.personById.loadMany(directing.map((r) => r.personId));
    return people.filter((p): p is Person => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => RoleConnection, { description: 'All roles: cast in billing order, then crew.' })
  async roles(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('kinds', () => [RoleKind], { nullable: true, description: 'Only roles of these kinds; every kind when not given.' }) kinds?: RoleKind[],
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Role>> {
    const page = { first, after, last, before };
    pageRequest(page);
    const roles = await creditsOf(film, loaders);
    return sliceConnection(kinds ? roles.filter((role) => kinds.includes(role.kind)) : roles, page);
  }

  @FieldResolver(() => [FranchiseEntry], { description: 'Its place in each franchise it is filed under.' })
  franchises(@Root() film: Film, @Ctx() { loaders }: Context): Promise<FranchiseEntry[]> {
    return loaders.filmFranchiseEntries.load(film.id);
  }

  @FieldResolver(() => ReviewConnection, { description: 'Reviews of it, newest first (undated last).' })
  async reviews(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Review>> {
    return offsetConnection({ first, after, last, before }, async (page) => {
      const key = filmReviewsKey(film.id, page);
      const ridden = film.reviewPage?.offset === key.args.offset && film.reviewPage.limit === key.args.limit ? film.reviewPage.page : null;
      const { reviews, total } = ridden ?? (await loaders.filmReviews.load(key));
      return { rows: reviews, totalCount: total };
    });
  }

  @FieldResolver(() => ReviewSummary, { description: 'How many reviews it has, and their mean score.' })
  reviewSummary(@Root() film: Film, @Ctx() { loaders }: Context): Promise<ReviewSummary> {
    return loaders.reviewSummary.load(film.id);
  }

  @FieldResolver(() => [AlternativeTitle], { description: "Its alternative titles as IMDb's title.akas lists them, in IMDb's order, each with its region, language and types (the primary title may be among them, for a region that uses it). `alternativeTitles` has the same titles, distinct." })
  akas(@Root() film: Film): AlternativeTitle[] {
    return akasOf(film);
  }

  @FieldResolver(() => String, {
    description:
      "The title for a region and a language: the aka for both; else, with a region, that region's aka (one without a language first); else, with a language alone, an aka in that language; else `title`. Among several, IMDb's display title (type imdbDisplay) first, then the first listed. Codes compare without case.",
  })
  localizedTitle(
    @Root() film: Film,
    @Arg('region', () => String, { nullable: true, description: "An ISO 3166 region code, e.g. 'FR'." }) region?: string | null,
    @Arg('language', () => String, { nullable: true, description: "An ISO 639 language code, e.g. 'fr'." }) language?: string | null,
  ): string {
    return localizedTitle(film, region, language);
  }

  @FieldResolver(() => [AggregateRating], { description: "Aggregate ratings from outside sources, e.g. IMDb's average and vote count." })
  ratings(@Root() film: Film): AggregateRating[] {
    return ratingsOf(film);
  }

  @FieldResolver(() => [RelatedFilm], { description: 'Films related through franchise, shared cast, shared crew and genre, closest first.' })
  async related(
    @Root() film: Film,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'How many to return: 0 to 100; 20 when not given.' }) first?: number,
  ): Promise<RelatedFilm[]> {
    const key = relatedKey(film.id, first, Selection.of(info));
    if (key instanceof Error) throw key;
    const found = await loaders.relatedFilms.load(key);
    primeIfWhole(loaders.filmById, key.films, found.map((related) => related.film));
    return found;
  }
}

@Resolver(() => RelatedReason)
export class RelatedReasonResolver {
  @FieldResolver(() => Node, { description: 'The franchise, person or genre the link runs through.' })
  via(@Root() reason: RelatedReason, @Ctx() { loaders }: Context): Promise<unknown> {
    return loaders.node(reason.viaId);
  }
}

/** The film's roles: those its page read with it (people in part), else the loader's. */
function creditsOf(film: Film, loaders: Context['loaders']): Promise<Role[]> | Role[] {
  return film.credits ?? loaders.filmRoles.load(film.id);
}
