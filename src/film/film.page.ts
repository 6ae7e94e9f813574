import { pageRequest } from '../common/page';
import { isWhole, propertiesFor, propertiesToRead } from '../common/projection';
import { PERSON_PROPERTIES } from '../person/person.type';
import { REVIEW_PROPERTIES } from '../review/review.type';
import { Selection } from '../common/selection';
import { relatedFilmProperties, relatedKeyParams } from '../graph/related.service';
import { Context } from '../server/context';
import { FilmKey, FilmPageParts, filmService } from './film.service';
import { Film, FILM_PROPERTIES } from './film.type';

const CREDIT_FIELDS = ['cast', 'crew', 'roles', 'directors'];

/**
 * A film looked up by a key, with the parts of its page the request selects fetched in the same
 * statement and handed to the request's loaders, so the nested resolvers (cast, person,
 * reviews…) find their data already loaded instead of each sending a statement of its own.
 */
export async function loadFilmPage({ db, loaders }: Context, key: FilmKey, value: string, selection: Selection): Promise<Film | null> {
  const byKey = { id: loaders.filmById, slug: loaders.filmBySlug, imdbId: loaders.filmByImdbId }[key];
  const related = relatedPart(selection);
  const parts = filmPageParts(selection, related);
  if (!parts) return byKey.load(value);

  const page = await filmService.page(db, key, value, parts);
  if (!page) return null;
  // Whatever was read in part rides on the returned copy, never on what the loaders hold.
  const film: Film = { ...page.film };
  if (!parts.film) {
    byKey.prime(value, page.film);
    loaders.filmById.prime(film.id, page.film);
  }
  if (page.genres) loaders.filmGenres.prime(film.id, page.genres);
  if (page.credits && parts.credits) {
    const { people } = parts.credits;
    for (const character of page.credits.characters) loaders.characterById.prime(character.id, character);
    if (people === true || people === false || isWhole(PERSON_PROPERTIES, people)) {
      loaders.filmRoles.prime(film.id, page.credits.roles);
      if (people) for (const person of page.credits.people) loaders.personById.prime(person.id, person);
    } else {
      film.credits = page.credits.roles;
    }
  }
  if (page.franchises) {
    loaders.filmFranchiseEntries.prime(film.id, page.franchises.entries);
    for (const franchise of page.franchises.franchises) loaders.franchiseById.prime(franchise.id, franchise);
  }
  if (page.reviews && parts.reviews) {
    const { offset, limit, properties } = parts.reviews;
    if (properties) film.reviewPage = { offset, limit, page: page.reviews };
    else loaders.filmReviews.prime({ id: film.id, args: { offset, limit } }, page.reviews);
  }
  if (page.reviewSummary) loaders.reviewSummary.prime(film.id, page.reviewSummary);
  if (page.related && related) {
    const { first, reasons, films } = related;
    loaders.relatedFilms.prime({ filmId: film.id, first, reasons, films }, page.related);
  }
  return film;
}

/**
 * One list of related films can ride along: its `first` as asked (the loader's key) and as
 * checked, whether it asks for reasons, and what of the films it shows.
 */
function relatedPart(selection: Selection): { first: number | null; checked: number; reasons: boolean; films: string[] } | null {
  const uses = selection.all('related');
  if (uses.length !== 1) return null;
  const first = (uses[0].args.first as number | null | undefined) ?? null;
  const reasons = uses[0].selection.has('reasons');
  const films = relatedFilmProperties(uses[0].selection);
  try {
    return { first, checked: relatedKeyParams({ filmId: '', first }).first, reasons, films };
  } catch {
    // A bad `first` is the resolver's to report, with its own error.
    return null;
  }
}

/** What to fetch with the film; null when the request asks for nothing beyond its own fields. */
function filmPageParts(selection: Selection, related: { checked: number; reasons: boolean; films: string[] } | null): FilmPageParts | null {
  const parts: FilmPageParts = {};
  if (related) parts.related = { first: related.checked, reasons: related.reasons, films: related.films };
  if (selection.has('genres')) parts.genres = true;
  if (CREDIT_FIELDS.some((field) => selection.has(field))) {
    const people = propertiesToRead(PERSON_PROPERTIES, peopleShown(selection));
    parts.credits = {
      people: people === null ? false : isWhole(PERSON_PROPERTIES, people) ? true : people,
      characters: selection.reachesThrough(CREDIT_FIELDS, 'character'),
    };
  }
  if (selection.has('franchises')) parts.franchises = { withFranchise: selection.reachesThrough(['franchises'], 'franchise') };
  const reviews = selection.all('reviews');
  // One page of reviews can ride along; aliases asking for several are left to the loader.
  if (reviews.length === 1) {
    const { first, after } = reviews[0].args as { first?: number | null; after?: string | null };
    try {
      const page = pageRequest(first, after);
      // The same key, in the same property order, as Film.reviews asks its loader for.
      parts.reviews = { offset: page.offset, limit: page.limit + 1 };
      const properties = propertiesFor(REVIEW_PROPERTIES, nodesShown(reviews[0].selection));
      if (properties && !isWhole(REVIEW_PROPERTIES, properties)) parts.reviews.properties = properties;
    } catch {
      // A bad page argument is the resolver's to report, with its own error.
    }
  }
  if (selection.has('reviewSummary')) parts.reviewSummary = true;
  if (Object.keys(parts).length === 0) return null;
  // The film's own fields are read only when something rides along; alone, it is the loader's.
  const film = propertiesFor(FILM_PROPERTIES, [selection]);
  if (film && !isWhole(FILM_PROPERTIES, film)) parts.film = film;
  return parts;
}

/** What the request shows of the people on the film's credits, under every credit field. */
function peopleShown(selection: Selection): Selection[] {
  return [
    ...selection.all('directors').map((use) => use.selection),
    ...['cast', 'crew', 'roles'].flatMap((field) => selection.all(field).flatMap((use) => use.selection.allBelow('person'))),
  ];
}

/** The selections of a connection's items, under `nodes` and `edges { node }`. */
function nodesShown(connection: Selection): Selection[] {
  return [
    ...connection.all('nodes').map((use) => use.selection),
    ...connection.all('edges').flatMap((use) => use.selection.all('node').map((node) => node.selection)),
  ];
}
