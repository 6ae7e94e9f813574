import { keyLoader } from '../common/batch';
import { Database } from '../db/database';
import { filmService } from './film.service';

export function filmLoaders(db: Database) {
  return {
    filmById: keyLoader((ids) => filmService.byKeys(db, 'id', ids)),
    filmBySlug: keyLoader((slugs) => filmService.byKeys(db, 'slug', slugs)),
    filmByImdbId: keyLoader((imdbIds) => filmService.byKeys(db, 'imdbId', imdbIds)),
    filmGenres: keyLoader((filmIds) => filmService.genres(db, filmIds)),
    filmRoles: keyLoader((filmIds) => filmService.roles(db, filmIds)),
    filmFranchiseEntries: keyLoader((filmIds) => filmService.franchiseEntries(db, filmIds)),
  };
}
