import { argsLoader, keyLoader, objectLoader } from '../common/batch';
import { lookup } from '../common/lookup';
import { Database } from '../db/database';
import { personProjection } from '../model/person';
import { FilmographyArgs, roleService } from '../role/role.service';
import { CollaboratorsKey, collaboratorService } from './collaborators.service';
import { personFranchiseService } from './person-franchises.service';
import { Person } from './person.type';

export function personLoaders(db: Database) {
  return {
    personById: keyLoader((ids) => lookup<Person>(db, 'Person', 'id', ids, personProjection)),
    personBySlug: keyLoader((slugs) => lookup<Person>(db, 'Person', 'slug', slugs, personProjection)),
    personByImdbId: keyLoader((imdbIds) => lookup<Person>(db, 'Person', 'imdbId', imdbIds, personProjection)),
    filmography: argsLoader((personIds, args: FilmographyArgs) => roleService.filmographies(db, personIds, args)),
    collaborators: objectLoader((keys: readonly CollaboratorsKey[]) => collaboratorService.ofPeople(db, keys)),
    personFranchises: keyLoader((personIds) => personFranchiseService.ofPeople(db, personIds)),
  };
}
