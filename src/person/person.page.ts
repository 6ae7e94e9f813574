import { pageRequest } from '../common/page';
import { primeIfWhole } from '../common/projection';
import { Selection } from '../common/selection';
import { FILM_PROPERTIES } from '../film/film.type';
import { RoleKind } from '../role/role.type';
import { Context } from '../server/context';
import { filmographyArgs } from '../role/role.service';
import { PersonKey, PersonPageParts, personService } from './person.service';
import { Person } from './person.type';

/**
 * A person looked up by a key, with the page of their filmography the request selects (and its
 * films) fetched in the same statement and handed to the request's loaders; see loadFilmPage.
 */
export async function loadPersonPage({ db, loaders }: Context, key: PersonKey, value: string, selection: Selection): Promise<Person | null> {
  const byKey = { id: loaders.personById, slug: loaders.personBySlug, imdbId: loaders.personByImdbId }[key];
  const parts = personPageParts(selection);
  if (!parts) return byKey.load(value);

  const page = await personService.page(db, key, value, parts);
  if (!page) return null;
  const { person } = page;
  byKey.prime(value, person);
  loaders.personById.prime(person.id, person);
  if (page.filmography && parts.filmography) {
    const { roles, total, films } = page.filmography;
    loaders.filmography.prime({ id: person.id, args: parts.filmography.args }, { roles, total });
    primeIfWhole(loaders.filmById, FILM_PROPERTIES, parts.filmography.args.films, films);
  }
  return person;
}

function personPageParts(selection: Selection): PersonPageParts | null {
  const roles = selection.all('roles');
  // One page can ride along; aliases asking for several are left to the loader.
  if (roles.length !== 1) return null;
  const { kinds, first, after } = roles[0].args as { kinds?: RoleKind[] | null; first?: number | null; after?: string | null };
  try {
    const page = pageRequest(first, after);
    return { filmography: { args: filmographyArgs(page, kinds, roles[0].selection) } };
  } catch {
    // A bad page argument is the resolver's to report, with its own error.
    return null;
  }
}
