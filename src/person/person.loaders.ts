import { argsLoader, keyLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { FilmographyArgs, roleService } from '../role/role.service';
import { Person, personProjection } from './person.type';

export function personLoaders(db: Database) {
  return {
    personById: keyLoader((ids) => lookup<Person>(db, 'Person', 'id', ids, personProjection)),
    personBySlug: keyLoader((slugs) => lookup<Person>(db, 'Person', 'slug', slugs, personProjection)),
    personByImdbId: keyLoader((imdbIds) => lookup<Person>(db, 'Person', 'imdbId', imdbIds, personProjection)),
    filmography: argsLoader((personIds, args: FilmographyArgs) => roleService.filmographies(db, personIds, args)),
  };
}
