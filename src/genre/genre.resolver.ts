import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageRequest, toConnection } from '../common/page';
import { Film, FilmConnection } from '../film/film.type';
import type { Context } from '../server/context';
import { Genre } from './genre.type';

@Resolver(() => Genre)
export class GenreResolver {
  @Query(() => Genre, { nullable: true })
  genre(@Ctx() { loaders }: Context, @Arg('slug', () => String) slug: string): Promise<Genre | null> {
    return loaders.genreBySlug.load(slug);
  }

  @FieldResolver(() => FilmConnection)
  async films(
    @Root() genre: Genre,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<Film>> {
    const page = pageRequest(first, after);
    const { films, total } = await loaders.genreFilms.load({ id: genre.id, args: { offset: page.offset, limit: page.limit + 1 } });
    return toConnection(films, page, total);
  }
}
