import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Connection, offsetConnection, PAGE_ARG } from '../common/page';
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
    @Arg('first', () => Int, { nullable: true, description: PAGE_ARG.first }) first?: number,
    @Arg('after', () => String, { nullable: true, description: PAGE_ARG.after }) after?: string,
    @Arg('last', () => Int, { nullable: true, description: PAGE_ARG.last }) last?: number,
    @Arg('before', () => String, { nullable: true, description: PAGE_ARG.before }) before?: string,
  ): Promise<Connection<Film>> {
    return offsetConnection({ first, after, last, before }, async (page) => {
      const { films, total } = await loaders.genreFilms.load({ id: genre.id, args: { offset: page.offset, limit: page.limit + 1 } });
      return { rows: films, totalCount: total };
    });
  }
}
