import { primeIfWhole, reachOf, readingOf } from '../common/look-ahead';
import { checkedPage, connectionNodes, isTail, PageArgs } from '../common/page';
import { Selection } from '../common/selection';
import { FILM_PROPERTIES } from '../model/film';
import { PERSON_PROPERTIES } from '../model/person';
import { REVIEW_PROPERTIES } from '../model/review';
import { filmReviewsKey } from '../review/review.service';
import type { Context } from '../server/context';
import { FilmKey, FilmPageParts, filmService } from './film.service';
import { Film } from './film.type';
import { relatedKey } from './related.service';

const CREDIT_FIELDS = ['cast', 'crew', 'roles', 'directors'];

/**
 * A film looked up by a key, with the parts of its page the request selects fetched in the same
 * statement and handed to the request's loaders, so the nested resolvers (cast, person,
 * reviews…) find their data already loaded instead of each sending a statement of its own.
 * A part whose arguments are bad is left out: its resolver reports them with its own error.
 */
export async function loadFilmPage({ db, loaders }: Context, key: FilmKey, value: string, selection: Selection): Promise<Film | null> {
  const byKey = { id: loaders.filmById, slug: loaders.filmBySlug, imdbId: loaders.filmByImdbId }[key];
  const parts = filmPageParts(selection);
  if (!parts) return byKey.load(value);

  const page = await filmService.page(db, key, value, parts);
  if (!page) return null;
  // Whatever was read in part rides on the returned copy, never on what the loaders hold.
  const film: Film = { ...page.film };
  if (parts.film === 'all') {
    byKey.prime(value, page.film);
    loaders.filmById.prime(film.id, page.film);
  }
  if (page.genres) loaders.filmGenres.prime(film.id, page.genres);
  if (page.credits && parts.credits) {
    for (const character of page.credits.characters) loaders.characterById.prime(character.id, character);
    // Roles carrying people read in part serve this film only; otherwise they are the loader's answer.
    if (parts.credits.people === 'none' || parts.credits.people === 'all') loaders.filmRoles.prime(film.id, page.credits.roles);
    else film.credits = page.credits.roles;
    primeIfWhole(loaders.personById, parts.credits.people, page.credits.people);
  }
  if (page.franchises) {
    loaders.filmFranchiseEntries.prime(film.id, page.franchises.entries);
    for (const franchise of page.franchises.franchises) loaders.franchiseById.prime(franchise.id, franchise);
  }
  if (page.reviews && parts.reviews) {
    const { offset, limit, reading } = parts.reviews;
    if (reading === 'all') loaders.filmReviews.prime({ id: film.id, args: { offset, limit } }, page.reviews);
    else film.reviewPage = { offset, limit, page: page.reviews };
  }
  if (page.reviewSummary) loaders.reviewSummary.prime(film.id, page.reviewSummary);
  if (page.related && parts.related) loaders.relatedFilms.prime({ filmId: film.id, ...parts.related }, page.related);
  return film;
}

/** What to fetch with the film; null when the request asks for nothing beyond its own fields. */
function filmPageParts(selection: Selection): FilmPageParts | null {
  // The film's own fields are read only when something rides along; alone, it is the loader's.
  const parts: FilmPageParts = { film: readingOf(FILM_PROPERTIES, [selection]) };
  let riders = 0;
  const related = selection.all('related');
  // One list of related films can ride along; aliases asking for several are left to the loader.
  if (related.length === 1) {
    const key = relatedKey('', related[0].args.first as number | null | undefined, related[0].selection);
    if (!(key instanceof Error)) {
      const { filmId: _filmId, ...rest } = key;
      parts.related = rest;
      riders += 1;
    }
  }
  if (selection.has('genres')) {
    parts.genres = true;
    riders += 1;
  }
  if (CREDIT_FIELDS.some((field) => selection.has(field))) {
    parts.credits = { people: reachOf(PERSON_PROPERTIES, peopleShown(selection)), characters: selection.reachesThrough(CREDIT_FIELDS, 'character') };
    riders += 1;
  }
  if (selection.has('franchises')) {
    parts.franchises = { withFranchise: selection.reachesThrough(['franchises'], 'franchise') };
    riders += 1;
  }
  const reviews = selection.all('reviews');
  // One page of reviews can ride along; aliases asking for several are left to the loader.
  if (reviews.length === 1) {
    // A window is the resolver's key whichever arguments named it; a page counted from the end
    // needs the list's length first, so it is the resolver's.
    const page = checkedPage(reviews[0].args as PageArgs);
    if (!(page instanceof Error) && !isTail(page)) {
      parts.reviews = { ...filmReviewsKey('', page).args, reading: readingOf(REVIEW_PROPERTIES, connectionNodes(reviews[0].selection)) };
      riders += 1;
    }
  }
  if (selection.has('reviewSummary')) {
    parts.reviewSummary = true;
    riders += 1;
  }
  return riders > 0 ? parts : null;
}

/** What the request shows of the people on the film's credits, under every credit field. */
function peopleShown(selection: Selection): Selection[] {
  return [
    ...selection.all('directors').map((use) => use.selection),
    ...['cast', 'crew', 'roles'].flatMap((field) => selection.all(field).flatMap((use) => use.selection.allBelow('person'))),
  ];
}
