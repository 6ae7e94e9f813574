import { inKeyOrder, positions } from '../common/batch';
import { readingOf } from '../common/look-ahead';
import { ReelgraphError } from '../common/errors';
import { checkedLimit, listLimit } from '../common/page';
import { Selection } from '../common/selection';
import { Database } from '../db/database';
import { FILM_PROPERTIES, filmProjection } from '../model/film';
import { Reading } from '../model/projection';
import { CAST_KINDS } from '../model/roles';
import { RELATED_REASON_KINDS, RelatedFilm, RelatedReasonKind } from './related.type';

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
export const RELATED_WEIGHTS: Record<RelatedReasonKind, number> = { SAME_FRANCHISE: 5, SHARED_CAST: 2, SHARED_CREW: 1.5, SHARED_GENRE: 0.5 };

/** What Film.related is asked: a film and that field's arguments (defaults below). */
export interface RelatedFilmsKey {
  filmId: string;
  /** Default 20, at most 100. */
  first?: number | null;
  /** Whether to say why each film is related; default true. Most pages show only the films. */
  reasons?: boolean | null;
  /** What to read of the related films; default all. */
  films?: Reading;
}

/** A key with its defaults, as the queries read it. */
export type CheckedRelatedKey = { filmId: string; first: number; reasons: boolean; films: Reading };

/**
 * The key Film.related loads for a field's `first` and selection, built here for both the
 * resolver and the film page so the page's answer is the resolver's cache hit; the error value
 * that names a bad `first` otherwise. Reasons are worked out only when asked for, and the films
 * read only as far as the request shows them.
 */
export function relatedKey(filmId: string, first: number | null | undefined, selection: Selection): CheckedRelatedKey | ReelgraphError {
  const page = checkedLimit(first);
  if (page instanceof ReelgraphError) return page;
  return { filmId, first: page, reasons: selection.has('reasons'), films: readingOf(FILM_PROPERTIES, selection.allBelow('film')) };
}

export type Ranked = RelatedFilm & { sortTitle: string | null };

/**
 * Results in key order, [] for an unknown film. One query scores the films linked by franchise or
 * people (with their genre bonus); a second, only for the keys that need it, brings in films that
 * share nothing but genres (completeRelated).
 */
export const relatedFilmService = {
  async ofFilms(db: Database, keys: readonly RelatedFilmsKey[]): Promise<RelatedFilm[][]> {
    const params = keys.map((key, i) => ({ i, ...relatedKeyParams(key) }));
    // The film projection is statement text: one statement for each set of properties asked for.
    const groups = groupBy(params, (key) => JSON.stringify(key.films));
    const results: { key: number; value: RelatedFilm[] }[] = [];
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { films } = group[0];
        const linked = await db.read<{ i: number } & Linked>(
          `UNWIND $keys AS key
           MATCH (film:Film {id: key.filmId})
           CALL (film, key) { ${relatedByLinks(films)} }
           RETURN key.i AS i, ${GENRE_SPREAD('film')} AS spread, related`,
          { keys: group, ...RELATED_PARAMS },
        );
        (await completeRelated(db, group, linked)).forEach((related, n) => results.push({ key: group[n].i, value: related }));
      }),
    );
    return inKeyOrder(positions(keys), results, []);
  },
};

/** Parameters relatedByLinks reads. */
export const RELATED_PARAMS = { castKinds: CAST_KINDS, weights: RELATED_WEIGHTS, viaLabels: ['Franchise', 'Person', 'Genre'] };

/**
 * What links `film` to other films through a franchise or a person: rows of `kind, via`, and
 * `other` too when it is not bound already (the same links, scored for every film or explained
 * for one).
 */
const LINKS = (otherBound: boolean) => {
  const other = otherBound ? '' : 'other, ';
  return `
         MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
         RETURN ${other}'SAME_FRANCHISE' AS kind, via
         UNION ALL
         MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
         WHERE other <> film
         // A person with several roles on either film is one link: cast when in both casts.
         WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
         RETURN ${other}CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
                            THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via`;
};

/**
 * The body of a CALL over a bound `film` and a key map with `first` and `reasons`: the films
 * linked to it by franchise or people, scored with their genre bonus, best `first` as `related`
 * (parameters: RELATED_PARAMS). Scores are counted for every linked film, but reasons are built
 * only for the page: a busy actor links a film to hundreds of others. The film page query runs it
 * too, so a page asking for related films is one statement.
 */
export function relatedByLinks(films: Reading): string {
  return `
       CALL (film) {
         CALL (film) { ${LINKS(false)} }
         WITH film, other, sum($weights[kind]) AS score
         WITH other, score + $weights.SHARED_GENRE * COUNT { (film)-[:IN_GENRE]->(:Genre)<-[:IN_GENRE]-(other) } AS score
         ORDER BY score DESC, other.sortTitle, other.id
         RETURN collect({other: other, score: score}) AS ranked
       }
       ${PAGE('ranked', 'key', films)}
       RETURN related`;
}

/** A key as relatedFilmService checks it, for the film page to prime the loader with. */
export function relatedKeyParams(key: RelatedFilmsKey): CheckedRelatedKey {
  return { filmId: key.filmId, first: listLimit(key.first), reasons: key.reasons ?? true, films: key.films ?? 'all' };
}

/**
 * What completeRelated weighs besides the linked page: how many films each of the film's genres
 * holds, and the catalogue (both from Neo4j's counts, not by walking the films).
 */
export const GENRE_SPREAD = (film: string) =>
  `{catalogue: COUNT { MATCH (:Film) }, genres: [(${film})-[:IN_GENRE]->(g:Genre) | COUNT { (g)<-[:IN_GENRE]-() }]}`;

/** A film's linked page, as relatedByLinks ranks it, and its GENRE_SPREAD. */
export interface Linked {
  spread: { catalogue: number; genres: number[] };
  related: Ranked[];
}

type Fill = { i: number; filmId: string; first: number; reasons: boolean; films: Reading; minShared: number };

/**
 * The page from what relatedByLinks found, adding films that share only genres when they can
 * reach it. Genres alone score 0.5 a genre, so they are counted only when the linked films are
 * fewer than `first`, or the last one on the page scores no more than the genres alone could.
 *
 * A genre holds tens of thousands of films in a large catalogue (millions at IMDb's scale):
 * counting what each shares with the film, then sorting them all by title, grows with the
 * catalogue and is the slowest part of a poorly linked film's page. The best
 * genre-only films share every genre of the film and come first by title, so where such films
 * are common (the film's genres are large ones), walking the title index until `first` of them
 * turn up reads a few dozen films instead (walkGenres). The count is the fallback: for films
 * whose genre mix is rare, and whenever a walk comes back short.
 *
 * The keys must all read the same film properties.
 */
export async function completeRelated(
  db: Database,
  params: { i: number; filmId: string; first: number; reasons: boolean; films: Reading }[],
  linked: ({ i: number } & Linked)[],
): Promise<RelatedFilm[][]> {
  const byIndex = new Map(linked.map((row) => [row.i, row]));

  const fills = params.flatMap((key): Fill[] => {
    const row = byIndex.get(key.i);
    const genres = row?.spread.genres.length ?? 0;
    if (!row || genres === 0 || key.first === 0) return [];
    const last = row.related.length < key.first ? 0 : row.related[key.first - 1].score;
    const minShared = Math.max(1, Math.ceil(last / RELATED_WEIGHTS.SHARED_GENRE));
    return minShared <= genres ? [{ ...key, minShared }] : [];
  });
  const genreOnly = new Map<number, Ranked[]>();
  const walks = fills.filter((fill) => walkPays(byIndex.get(fill.i)!.spread, fill.first));
  for (const [first, group] of groupBy(walks, (fill) => fill.first)) {
    (await walkGenres(db, group, first)).forEach((related, n) => {
      if (related.length === first) genreOnly.set(group[n].i, related);
    });
  }
  const counted = fills.filter((fill) => !genreOnly.has(fill.i));
  if (counted.length > 0) (await countGenres(db, counted)).forEach((related, n) => genreOnly.set(counted[n].i, related));

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
        reasons: [...reasons].sort((a, b) => RELATED_REASON_KINDS.indexOf(a.kind) - RELATED_REASON_KINDS.indexOf(b.kind)),
      }));
  });
}

/**
 * The first `key.first` of `ranked` (maps of `other, score`, best first) as `related`, each with
 * its film's `films` properties (all when null) and, when `key.reasons`, what links it to `film`: only the page's films
 * are projected and explained.
 */
const PAGE = (ranked: string, key: string, films: Reading) => `CALL (film, ${ranked}, ${key}) {
         UNWIND ${ranked}[..${key}.first] AS hit
         WITH film, ${key}, hit.other AS other, hit.score AS score
         CALL (film, other, ${key}) {
           WITH film, other WHERE ${key}.reasons
           CALL (film, other) {
             ${LINKS(true)}
             UNION ALL
             MATCH (film)-[:IN_GENRE]->(via:Genre)<-[:IN_GENRE]-(other)
             RETURN 'SHARED_GENRE' AS kind, via
           }
           WITH kind, via ORDER BY CASE kind WHEN 'SHARED_GENRE' THEN via.name ELSE coalesce(via.sortName, via.folded, toLower(via.name)) END, via.id
           RETURN collect({kind: kind, viaId: via.id, viaLabel: ${VIA_LABEL('via')}}) AS reasons
         }
         RETURN collect({filmId: other.id, score: score, reasons: reasons, sortTitle: other.sortTitle, film: ${filmProjection('other', films)}}) AS related
       }`;


/**
 * What the first query already scored for `film`, as `franchises` and `people`: a film sharing
 * either is never a genre-only film.
 */
const LINKED_THROUGH = (film: string) => `[(${film})-[:IN_FRANCHISE]->(f:Franchise) | f] AS franchises,
              [(${film})<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) | p] AS people`;
const NOT_LINKED = (other: string) => `NOT EXISTS { (${other})-[:IN_FRANCHISE]->(f:Franchise) WHERE f IN franchises }
           AND NOT EXISTS { (${other})<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) WHERE p IN people }`;

/**
 * Whether walking the title index for films with all the film's genres should read fewer films
 * than counting every film of its genres. Films in that mix are taken as independent draws
 * from each genre: the walk expects to read `first` ÷ their share of the catalogue, the count
 * reads every film of every genre.
 */
function walkPays({ catalogue, genres }: Linked['spread'], first: number): boolean {
  if (catalogue === 0) return false;
  const share = genres.reduce((product, films) => product * (films / catalogue), 1);
  const counted = genres.reduce((sum, films) => sum + films, 0);
  return share > 0 && first / share < counted;
}

/**
 * The first `first` films (by title, then id) that share every genre of the film and nothing
 * else, per fill: fewer when there are not that many, and then the caller counts instead.
 */
function walkGenres(db: Database, fills: Fill[], first: number): Promise<Ranked[][]> {
  return genreOnlyPages(
    db,
    fills,
    `WITH film, [(film)-[:IN_GENRE]->(genre:Genre) | genre] AS genres, ${LINKED_THROUGH('film')}
       // The title index hands films over in title order, so the walk stops once it has enough.
       MATCH (other:Film) WHERE other.sortTitle IS NOT NULL AND other <> film
         AND all(genre IN genres WHERE (other)-[:IN_GENRE]->(genre))
         AND ${NOT_LINKED('other')}
       WITH other, size(genres) AS shared ORDER BY other.sortTitle, other.id LIMIT $first`,
    { first },
  );
}

/** The best genre-only films per fill, by counting what every film of the film's genres shares with it. */
function countGenres(db: Database, fills: Fill[]): Promise<Ranked[][]> {
  return genreOnlyPages(
    db,
    fills,
    `WITH film, fill, ${LINKED_THROUGH('film')}
       MATCH (film)-[:IN_GENRE]->(genre:Genre)<-[:IN_GENRE]-(other:Film)
       WHERE other <> film
       WITH fill, franchises, people, other, count(genre) AS shared
       WHERE shared >= fill.minShared
         AND ${NOT_LINKED('other')}
       WITH other, shared ORDER BY shared DESC, other.sortTitle, other.id`,
  );
}

/**
 * Each fill's page of genre-only films, in fill order: `ranking` is the body of a CALL over `film`
 * and `fill` ending in rows of `other, shared`, best first.
 */
async function genreOnlyPages(db: Database, fills: Fill[], ranking: string, params: Record<string, unknown> = {}): Promise<Ranked[][]> {
  const rows = await db.read<{ i: number; related: Ranked[] }>(
    `UNWIND $fills AS fill
     MATCH (film:Film {id: fill.filmId})
     CALL (film, fill) {
       ${ranking}
       RETURN collect({other: other, score: $weights.SHARED_GENRE * shared}) AS ranked
     }
     ${PAGE('ranked', 'fill', fills[0].films)}
     RETURN fill.i AS i, related`,
    { fills, ...params, ...RELATED_PARAMS },
  );
  return inKeyOrder(fills.map((fill) => fill.i), rows.map((row) => ({ key: row.i, value: row.related })), []);
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const VIA_LABEL = (via: string) => `[label IN $viaLabels WHERE label IN labels(${via})][0]`;

/** The order Cypher sorts strings in (by code unit), so merged lists agree with the queries. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
