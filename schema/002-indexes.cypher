// Browsing and ordering films.
CREATE RANGE INDEX film_year IF NOT EXISTS FOR (n:Film) ON (n.year);
CREATE RANGE INDEX film_release_date IF NOT EXISTS FOR (n:Film) ON (n.releaseDate);
// Browsing a year range in release order walks this one year at a time (film.service.ts, releasesYearByYear).
CREATE RANGE INDEX film_year_release IF NOT EXISTS FOR (n:Film) ON (n.year, n.releaseDate);
CREATE RANGE INDEX film_sort_title IF NOT EXISTS FOR (n:Film) ON (n.sortTitle);
CREATE RANGE INDEX person_sort_name IF NOT EXISTS FOR (n:Person) ON (n.sortName);
// Search orders equal scores by popularity (src/model/popularity.ts); a short prefix's best hits
// are found by reading these from the top (src/search/search.service.ts, walk).
CREATE RANGE INDEX film_popularity IF NOT EXISTS FOR (n:Film) ON (n.popularity);
CREATE RANGE INDEX person_popularity IF NOT EXISTS FOR (n:Person) ON (n.popularity);
// Substring filters (titleContains, nameContains) run on folded text: lower case, no diacritics.
CREATE TEXT INDEX film_folded IF NOT EXISTS FOR (n:Film) ON (n.folded);
CREATE TEXT INDEX person_folded IF NOT EXISTS FOR (n:Person) ON (n.folded);
CREATE RANGE INDEX role_kind IF NOT EXISTS FOR (n:Role) ON (n.kind);
CREATE RANGE INDEX review_published IF NOT EXISTS FOR (n:Review) ON (n.publishedOn);
