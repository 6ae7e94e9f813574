import { Database } from '../db/database';
import { Film, filmProjection } from '../film/film.type';
import { listSize } from './args';

/**
 * Film.related: films close to a film, scored by what they share.
 *
 * Scoring (each link counts once, scores add up):
 *   SAME_FRANCHISE  5    per franchise both films are filed under (IN_FRANCHISE, the franchise itself)
 *   SHARED_CAST     2    per person in the cast (ACTOR or SELF) of both films
 *   SHARED_CREW     1.5  per other person who worked on both (crew on either side: a director who
 *                        also acted elsewhere counts here once, never as cast and crew at once)
 *   SHARED_GENRE    0.5  per genre both films are in
 * A franchise outweighs two shared actors: sequels and spin-offs are what readers expect first.
 * Genres only break ties among films that share people, and bring in films that share nothing
 * else. Closest first; equal scores by title, then id. The film itself is never listed.
 * Each reason names what it runs through: the franchise, the person or the genre.
 */
export const RELATED_WEIGHTS = { SAME_FRANCHISE: 5, SHARED_CAST: 2, SHARED_CREW: 1.5, SHARED_GENRE: 0.5 } as const;
export type RelatedReasonKind = keyof typeof RELATED_WEIGHTS;

const CAST_KINDS = ['ACTOR', 'SELF'];
const REASON_ORDER: RelatedReasonKind[] = ['SAME_FRANCHISE', 'SHARED_CAST', 'SHARED_CREW', 'SHARED_GENRE'];

export interface RelatedReason {
  kind: RelatedReasonKind;
  /** The franchise, person or genre the link runs through. */
  viaId: string;
  viaLabel: 'Franchise' | 'Person' | 'Genre';
}

export interface RelatedFilm {
  filmId: string;
  /** The film's stored properties, as filmById reads them (the resolver primes it). */
  film: Film;
  score: number;
  /** Franchise first, then cast, crew and genres; within a kind by name. */
  reasons: RelatedReason[];
}

/** A DataLoader key for Film.related; cache on `JSON.stringify(key)`. */
export interface RelatedFilmsKey {
  filmId: string;
  /** Default 20, at most 100. */
  first?: number | null;
}

export type Ranked = RelatedFilm & { sortTitle: string | null };

/**
 * Results in key order, [] for an unknown film. One query scores the films linked by franchise or
 * people (with their genre bonus); a second, only for the keys that need it, brings in films that
 * share nothing but genres. Every film of a genre is thousands in a large catalogue, so they are
 * only counted when they can reach the page: when the linked films are fewer than `first`, or the
 * last one on the page scores no more than the genres alone could.
 */
export async function relatedFilms(db: Database, keys: readonly RelatedFilmsKey[]): Promise<RelatedFilm[][]> {
  const params = keys.map((key, i) => ({ i, filmId: key.filmId, first: listSize(key.first) }));
  const linked = await db.read<{ i: number; genres: number; related: Ranked[] }>(
    `UNWIND $keys AS key
     MATCH (film:Film {id: key.filmId})
     CALL (film, key) { ${relatedByLinks()} }
     RETURN key.i AS i, COUNT { (film)-[:IN_GENRE]->(:Genre) } AS genres, related`,
    { keys: params, ...RELATED_PARAMS },
  );
  return completeRelated(db, params, linked);
}

/** Parameters RELATED_BY_LINKS reads. */
export const RELATED_PARAMS = { castKinds: CAST_KINDS, weights: RELATED_WEIGHTS, viaLabels: ['Franchise', 'Person', 'Genre'] };

/**
 * The body of a CALL over a bound `film` and a key map with `first`: the films linked to it by
 * franchise or people, scored with their genre bonus, best `first` as `related` (parameters:
 * RELATED_PARAMS). The film page query runs it too, so a page asking for related films is one
 * statement.
 */
export function relatedByLinks(): string {
  return `
       CALL (film) {
         MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
         RETURN other, 'SAME_FRANCHISE' AS kind, via
         UNION ALL
         MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
         WHERE other <> film
         // A person with several roles on either film is one link: cast when in both casts.
         WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
         RETURN other, CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
                            THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via
       }
       WITH film, other, kind, via ORDER BY coalesce(via.sortName, via.folded, toLower(via.name)), via.id
       WITH film, other, sum($weights[kind]) AS score, collect({kind: kind, viaId: via.id, viaLabel: ${VIA_LABEL('via')}}) AS reasons
       CALL (film, other) {
         MATCH (film)-[:IN_GENRE]->(genre:Genre)<-[:IN_GENRE]-(other)
         WITH genre ORDER BY genre.name, genre.id
         RETURN collect({kind: 'SHARED_GENRE', viaId: genre.id, viaLabel: 'Genre'}) AS genres
       }
       WITH other, score + $weights.SHARED_GENRE * size(genres) AS score, reasons + genres AS reasons
       ORDER BY score DESC, other.sortTitle, other.id
       WITH collect({filmId: other.id, score: score, reasons: reasons, sortTitle: other.sortTitle}) AS ranked
       ${WITH_FILMS('ranked', 'key.first')}`;
}

/** A key as relatedFilms checks it, for the film page to prime the loader with. */
export function relatedKeyParams(key: RelatedFilmsKey) {
  return { filmId: key.filmId, first: listSize(key.first) };
}

/**
 * The page from what RELATED_BY_LINKS found, adding films that share only genres when they can
 * reach it: one more statement, for the keys that need it.
 */
export async function completeRelated(
  db: Database,
  params: { i: number; filmId: string; first: number }[],
  linked: { i: number; genres: number; related: Ranked[] }[],
): Promise<RelatedFilm[][]> {
  const byIndex = new Map(linked.map((row) => [row.i, row]));

  // Genres alone score 0.5 a genre: they can reach the page only down to its last linked score.
  const fills = params.flatMap((key) => {
    const row = byIndex.get(key.i);
    if (!row || row.genres === 0 || key.first === 0) return [];
    const last = row.related.length < key.first ? 0 : row.related[key.first - 1].score;
    const minShared = Math.max(1, Math.ceil(last / RELATED_WEIGHTS.SHARED_GENRE));
    return minShared <= row.genres ? [{ i: key.i, filmId: key.filmId, first: key.first, minShared }] : [];
  });
  const genreOnly = new Map<number, Ranked[]>();
  if (fills.length > 0) {
    const rows = await db.read<{ i: number; related: Ranked[] }>(
      `UNWIND $fills AS fill
       MATCH (film:Film {id: fill.filmId})
       CALL (film, fill) {
         // What the first query already scored: films sharing a franchise or a person.
         WITH film, fill, [(film)-[:IN_FRANCHISE]->(f:Franchise) | f] AS franchises,
              [(film)<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) | p] AS people
         MATCH (film)-[:IN_GENRE]->(genre:Genre)<-[:IN_GENRE]-(other:Film)
         WHERE other <> film
         WITH fill, franchises, people, other, genre ORDER BY genre.name, genre.id
         WITH fill, franchises, people, other, collect({kind: 'SHARED_GENRE', viaId: genre.id, viaLabel: 'Genre'}) AS reasons
         WHERE size(reasons) >= fill.minShared
           AND NOT EXISTS { (other)-[:IN_FRANCHISE]->(f:Franchise) WHERE f IN franchises }
           AND NOT EXISTS { (other)<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) WHERE p IN people }
         WITH other, reasons ORDER BY size(reasons) DESC, other.sortTitle, other.id
         WITH collect({filmId: other.id, score: $genreWeight * size(reasons), reasons: reasons, sortTitle: other.sortTitle}) AS ranked
         ${WITH_FILMS('ranked', 'fill.first')}
       }
       RETURN fill.i AS i, related`,
      { fills, genreWeight: RELATED_WEIGHTS.SHARED_GENRE },
    );
    rows.forEach((row) => genreOnly.set(row.i, row.related));
  }

  return params.map((key) => {
    const all = [...(byIndex.get(key.i)?.related ?? []), ...(genreOnly.get(key.i) ?? [])];
    return all
      .sort((a, b) => b.score - a.score || compare(a.sortTitle, b.sortTitle) || compare(a.filmId, b.filmId))
      .slice(0, key.first)
      .map(({ filmId, film, score, reasons }) => ({
        filmId,
        film,
        score,
        // Stable sort: each kind's reasons are already in name order.
        reasons: [...reasons].sort((a, b) => REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind)),
      }));
  });
}

/** The first `first` of `ranked` as `related`, each with its film's properties: only the page is projected. */
const WITH_FILMS = (ranked: string, first: string) => `CALL (${ranked}, ${first.split('.')[0]}) {
         UNWIND ${ranked}[..${first}] AS r
         MATCH (other:Film {id: r.filmId})
         RETURN collect({filmId: r.filmId, score: r.score, reasons: r.reasons, sortTitle: r.sortTitle, film: ${filmProjection('other')}}) AS related
       }
       RETURN related`;

const VIA_LABEL = (via: string) => `[label IN $viaLabels WHERE label IN labels(${via})][0]`;

/** The order Cypher sorts strings in (by code unit), so merged lists agree with the queries. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
