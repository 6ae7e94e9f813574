import { primeIfWhole } from '../common/look-ahead';
import { checkedPage, isTail, PageArgs } from '../common/page';
import { Selection } from '../common/selection';
import { filmographyArgs } from '../role/role.service';
import { RoleKind } from '../role/role.type';
import type { Context } from '../server/context';
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
    primeIfWhole(loaders.filmById, parts.filmography.args.films, films);
  }
  return person;
}

/** One page of the filmography can ride along; aliases asking for several, or bad arguments, are the resolver's. */
function personPageParts(selection: Selection): PersonPageParts | null {
  const roles = selection.all('roles');
  if (roles.length !== 1) return null;
  const { kinds, ...args } = roles[0].args as PageArgs & { kinds?: RoleKind[] | null };
  // A page counted from the end needs the filmography's length first: the resolver's.
  const page = checkedPage(args);
  return page instanceof Error || isTail(page) ? null : { filmography: { args: filmographyArgs(page, kinds, roles[0].selection) } };
}
