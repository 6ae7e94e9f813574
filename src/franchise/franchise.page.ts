import { Selection } from '../common/selection';
import { franchisePeopleParams } from '../graph/franchise-people.service';
import { RoleKindName } from '../ingest/records';
import { Context } from '../server/context';
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
  if (page.entries) {
    loaders.franchiseEntries.prime(franchise.id, page.entries.entries);
    for (const film of page.entries.films) loaders.filmById.prime(film.id, film);
  }
  if (page.people && parts.people) {
    loaders.franchisePeople.prime({ ...parts.people.key, franchiseId: franchise.id }, page.people.people);
    for (const person of page.people.persons) loaders.personById.prime(person.id, person);
  }
  return franchise;
}

function franchisePageParts(selection: Selection): FranchisePageParts | null {
  const parts: FranchisePageParts = {};
  // People's films are the franchise's films: fetching the entries' films serves both.
  const films = selection.reachesThrough(['entries'], 'film') || selection.reachesThrough(['people'], 'films');
  if (selection.has('entries') || films) parts.entries = { withFilm: films };
  const people = selection.all('people');
  // One list of people can ride along; aliases asking for several are left to the loader.
  if (people.length === 1) {
    const { kinds, minFilms, first } = people[0].args as { kinds?: string[] | null; minFilms?: number | null; first?: number | null };
    // The same key, in the same property order, as Franchise.people asks its loader for; the id
    // is filled in once the franchise is found.
    const key = { franchiseId: '', kinds: (kinds ?? null) as RoleKindName[] | null, minFilms: minFilms ?? null, first: first ?? null };
    try {
      franchisePeopleParams(key);
      parts.people = { key };
    } catch {
      // Bad arguments are the resolver's to report, with its own error.
    }
  }
  return Object.keys(parts).length > 0 ? parts : null;
}
