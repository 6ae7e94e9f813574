import { keyLoader, objectLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { filmProjection } from '../model/film';
import { filmService } from './film.service';
import { Film } from './film.type';
import { RelatedFilmsKey, relatedFilmService } from './related.service';

export function filmLoaders(db: Database) {
  return {
    filmById: keyLoader((ids) => lookup<Film>(db, 'Film', 'id', ids, filmProjection)),
    filmBySlug: keyLoader((slugs) => lookup<Film>(db, 'Film', 'slug', slugs, filmProjection)),
    filmByImdbId: keyLoader((imdbIds) => lookup<Film>(db, 'Film', 'imdbId', imdbIds, filmProjection)),
    filmGenres: keyLoader((filmIds) => filmService.genres(db, filmIds)),
    filmRoles: keyLoader((filmIds) => filmService.roles(db, filmIds)),
    filmFranchiseEntries: keyLoader((filmIds) => filmService.franchiseEntries(db, filmIds)),
    relatedFilms: objectLoader((keys: readonly RelatedFilmsKey[]) => relatedFilmService.ofFilms(db, keys)),
  };
}
