import { primeIfWhole, reachOf } from '../common/look-ahead';
import { Selection } from '../common/selection';
import type { Film } from '../film/film.type';
import { FILM_PROPERTIES } from '../model/film';
import type { Context } from '../server/context';
import { FranchisePeopleArgs, franchisePeopleKey } from './franchise-people.service';
import { FranchisePageParts, franchiseService } from './franchise.service';
import { Franchise } from './franchise.type';

/**
 * A franchise looked up by a key, with the entries, their films and the people the request
 * selects fetched in the same statement and handed to the request's loaders; see loadFilmPage.
 */
export async function loadFranchisePage({ db, loaders }: Context, key: 'id' | 'slug', value: string, selection: Selection): Promise<Franchise | null> {
  const byKey = key === 'id' ? loaders.franchiseById : loaders.franchiseBySlug;
  const parts = franchisePageParts(selection);
  if (!parts) return byKey.load(value);

  const page = await franchiseService.franchisePage(db, key, value, parts);
  if (!page) return null;
  const { franchise } = page;
  byKey.prime(value, franchise);
  loaders.franchiseById.prime(franchise.id, franchise);
  const films = new Map((page.entries?.films ?? []).map((film) => [film.id, film]));
  if (page.entries && parts.entries) {
    loaders.franchiseEntries.prime(franchise.id, page.entries.entries);
    primeIfWhole(loaders.filmById, parts.entries.films, films.values());
  }
  if (page.people && parts.people) {
    const { key } = parts.people;
    // A person's films are the franchise's: those of the entries, read for both.
    const people = page.people.people.map((person) => {
      const theirs = person.filmIds.map((id) => films.get(id));
      return key.films !== 'none' && theirs.every((film) => film !== undefined) ? { ...person, films: theirs as Film[] } : person;
    });
    loaders.franchisePeople.prime({ ...key, franchiseId: franchise.id }, people);
    for (const person of page.people.persons) loaders.personById.prime(person.id, person);
  }
  return franchise;
}

function franchisePageParts(selection: Selection): FranchisePageParts | null {
  const parts: FranchisePageParts = {};
  const people = selection.all('people');
  // One list of people can ride along; aliases asking for several, or bad arguments, are the loader's.
  const key = people.length === 1 ? franchisePeopleKey('', people[0].args as FranchisePeopleArgs, people[0].selection) : null;
  if (key && !(key instanceof Error)) parts.people = { key };
  // People's films are the franchise's films: fetching the entries' films serves both, reading
  // what either shows of them.
  const entryFilms = selection.all('entries').flatMap((use) => use.selection.allBelow('film'));
  const peopleFilms = parts.people ? people[0].selection.allBelow('films') : [];
  const films = reachOf(FILM_PROPERTIES, [...entryFilms, ...peopleFilms]);
  if (selection.has('entries') || films !== 'none') parts.entries = { films };
  return Object.keys(parts).length > 0 ? parts : null;
}
