/**
 * How popular an entity is: what search orders equal text scores by (src/search/), stored as the
 * integer `popularity` on every Film and Person, with a range index each (schema/002-indexes.cypher)
 * so that a short prefix's best hits are found by walking that index from the top.
 *
 *   Film       IMDb's vote count: the largest known vote count among its ratings (votes of -1 are
 *              unknown), 0 when none is known. Set with the ratings by storedFilm, or in Cypher by
 *              `filmPopularityOf` where the rating lists are changed in place (IMDb's title.ratings).
 *   Person     prominence: for each distinct film they hold a role on, that film's popularity plus
 *              one. Votes dominate; the one a film is the fallback, so that among people whose films
 *              have no votes the one with more credits comes first. It depends on other nodes, so it
 *              is recomputed (`personPopularityOf`) whenever a person's credits or their films'
 *              votes change: per batch by the JSON ingest and the mutations, in one pass after the
 *              passes by both IMDb paths.
 *   Franchise, Character, Genre
 *              0, never stored (`UNRANKED`): they are few next to films and people, and a search
 *              finds them by name; readers take a missing popularity as 0.
 *
 * The sums stay far below 2^31 (the most voted film on IMDb has about 3 million votes), so
 * GraphQL's Int holds them.
 */

/** The popularity of entities that have none of their own (franchises, characters, genres). */
export const UNRANKED = 0;

/** A film's popularity from its ratings' vote counts (null or a negative count: unknown). */
export function filmPopularity(ratings: readonly { votes?: number | null }[]): number {
  return ratings.reduce((best, rating) => Math.max(best, rating.votes ?? -1), UNRANKED);
}

/** The same rule in Cypher, over the stored `ratingVotes` list of the film variable `film`. */
export function filmPopularityOf(film: string): string {
  return `reduce(best = ${UNRANKED}, votes IN coalesce(${film}.ratingVotes, []) | CASE WHEN votes > best THEN votes ELSE best END)`;
}

/**
 * A person's popularity in Cypher, from the graph as it stands (see the header). The film's own
 * popularity is read, so films are to be written before the people on them are recomputed.
 */
export function personPopularityOf(person: string): string {
  return `reduce(total = 0, film IN COLLECT { MATCH (${person})-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(film:Film) RETURN DISTINCT film } | total + coalesce(film.popularity, 0) + 1)`;
}

/** A node's popularity in Cypher for any label: its own, or UNRANKED for the labels that have none. */
export function popularityOf(node: string): string {
  return `coalesce(${node}.popularity, ${UNRANKED})`;
}
