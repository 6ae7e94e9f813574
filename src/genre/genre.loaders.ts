import { argsLoader, keyLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { genreService } from './genre.service';
import { genreProjection } from '../model/named';
import { Genre } from './genre.type';

export function genreLoaders(db: Database) {
  return {
    genreById: keyLoader((ids) => lookup<Genre>(db, 'Genre', 'id', ids, genreProjection)),
    genreBySlug: keyLoader((slugs) => lookup<Genre>(db, 'Genre', 'slug', slugs, genreProjection)),
    genreFilms: argsLoader((genreIds, page: { offset: number; limit: number }) => genreService.films(db, genreIds, page.offset, page.limit)),
  };
}
