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
 * Film and Person also store `popularityBand`, their popularity coarsened to a word the full-text
 * index holds (`popularityBandOf`), so that a search can ask Lucene for only the hits at least so
 * popular (src/search/). Every write of `popularity` writes it too: `storedFilm` through
 * `popularityBand`, Cypher through `setPopularity`.
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

/**
 * The band word of a popularity: "band" and four digits, its digit count times 100 plus its first
 * two digits (0 → band0100, 7 → band0170, 4,321 → band0443, 2,750,000 → band0727). Bands order as
 * the popularities do, in integer and in text order alike, so "at least this popular" is one
 * Lucene term range; two digits keep a band within a tenth of its lowest value.
 */
export function popularityBand(popularity: number): string {
  const digits = String(Math.max(0, Math.trunc(popularity)));
  return `band${String(digits.length * 100 + Number(`${digits}0`.slice(0, 2))).padStart(4, '0')}`;
}

/** The same rule in Cypher, over an integer expression. */
export function popularityBandOf(popularity: string): string {
  return `'band' + right('000' + toString(size(toString(${popularity})) * 100 + toInteger(left(toString(${popularity}) + '0', 2))), 4)`;
}

/**
 * The clauses that set `node`'s popularity to the Cypher expression `popularity`, band and all; the
 * band is a second SET, so it reads the stored value rather than working the expression out twice.
 */
export function setPopularity(node: string, popularity: string): string {
  return `SET ${node}.popularity = ${popularity} SET ${node}.popularityBand = ${popularityBandOf(`${node}.popularity`)}`;
}
