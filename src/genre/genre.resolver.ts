import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageRequest, toConnection } from '../common/page';
import { Film, FilmConnection } from '../film/film.type';
import type { Context } from '../server/context';
import { followingRedirects } from '../writes/redirects';
import { Genre } from './genre.type';

@Resolver(() => Genre)
export class GenreResolver {
  @Query(() => Genre, { nullable: true, description: 'A genre by its slug; null when it names none.' })
  genre(@Ctx() { db, loaders }: Context, @Arg('slug', () => String, { description: "The genre's slug, e.g. 'action' or 'sci-fi'." }) slug: string): Promise<Genre | null> {
    // A renamed genre's old slug keeps leading to it.
    return followingRedirects(db, 'Genre', 'slug', slug, (by, what) => (by === 'id' ? loaders.genreById : loaders.genreBySlug).load(what));
  }

  @FieldResolver(() => FilmConnection, { description: 'Its films, by title.' })
  async films(
    @Root() genre: Genre,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { nullable: true, description: 'How many to return: 0 to 100; 20 when not given.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from a previous page (its endCursor, or an edge\'s cursor): this page starts after it.' }) after?: string,
  ): Promise<Connection<Film>> {
    const page = pageRequest(first, after);
    const { films, total } = await loaders.genreFilms.load({ id: genre.id, args: { offset: page.offset, limit: page.limit + 1 } });
    return toConnection(films, page, total);
  }
}
