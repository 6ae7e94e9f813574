import { Database, Tx } from '../db/database';
import { entityProjection, Shown } from '../model/entity';
import { Label } from '../model/graph';
import { popularityBand, popularityOf } from '../model/popularity';
import { PREFIX_SCORE, shortPrefixOf, untiedQuery, wordStartPattern } from './prefix';
import { SearchType } from './search.type';

const LABEL_OF: Record<SearchType, Label> = {
  [SearchType.FILM]: 'Film',
  [SearchType.PERSON]: 'Person',
  [SearchType.FRANCHISE]: 'Franchise',
  [SearchType.CHARACTER]: 'Character',
  [SearchType.GENRE]: 'Genre',
};

/**
 * Terms are lower-cased because Lucene reads upper-case AND, OR and NOT as operators, and a title
 * such as "Live Free or Die Hard" needs them as words.
 *
 * Turns what a person typed into a Lucene query that cannot be misread as syntax: every term is
 * escaped, all terms must match, and the last one also matches as a prefix ("wis" finds Wiseman),
 * since search boxes are queried while people type.
 */
function termsOf(text: string): string[] {
  return text
    .split(/[\s\p{P}\p{S}]+/u)
    .map((term) => term.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '').toLowerCase())
    .filter((term) => term.length > 0);
}

export function luceneQuery(text: string): string | null {
  const terms = termsOf(text);
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms
    .map((term, i) => (i === last ? `(${inNameFields(term)} OR ${inNameFields(`${term}*`)})` : inNameFields(term)))
    .map((term) => `+${term}`)
    .join(' ');
}


/**
 * A term looked for in the name fields only, grouped as Lucene's multi-field parser would group it
 * over all fields (so scores stay as they were): the index's `popularityBand` words are no names,
 * and "ban" must not find every film by its band.
 */
function inNameFields(term: string): string {
  return `(${NAME_FIELDS.map((field) => `${field}:${term}`).join(' ')})`;
}

/** Case and diacritics folded away, as the index's standard-folding analyzer does ("Skarsgård" → "skarsgard"). */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Which of a hit's names the query matched: the first (title or name, then alternative titles)
 * holding every term as a word, the last term also as a word's start, after folding. Null when
 * none does word for word (the index's tokenizer splits a few names differently).
 */
export function matchedNameOf(text: string, names: readonly string[]): string | null {
  const terms = termsOf(text).map(folded);
  if (terms.length === 0) return null;
  const last = terms[terms.length - 1];
  return (
    names.find((name) => {
      const words = folded(name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      return terms.slice(0, -1).every((term) => words.includes(term)) && words.some((word) => word.startsWith(last));
    }) ?? null
  );
}

export type SearchRow = {
  id: string;
  score: number;
  /** Its popularity (model/popularity.ts): what equal scores are ordered by, before the id. */
  popularity: number;
  /** The names the index holds for it: title or name first, then alternative titles. */
  names: string[];
  /** The hit's stored properties, as its label's loader reads them (the resolver primes it). */
  entity: { id: string };
};

const SEARCHABLE: Label[] = ['Film', 'Person', 'Franchise', 'Character', 'Genre'];
/** Labels whose popularity is stored and range-indexed; the others are all UNRANKED, so id order is their whole order. */
const RANKED = new Set<Label>(['Film', 'Person']);
/**
 * How the short-prefix walk is bounded. `crowd`: the hits a prefix must have at least for the walk
 * to be worth it (fewer cost the full-text path less to rank than the walk costs to read). `window`:
 * the nodes of one label the walk reads at most; a prefix common among a label's popular nodes
 * fills a page within it, and for one that is not, that label's few popular hits come from the
 * full-text index instead.
 */
export interface WalkBounds {
  crowd: number;
  window: number;
}
export const WALK_BOUNDS: WalkBounds = { crowd: 1000, window: 500 };

/** What a hit returns, on either path. */
const HIT = (node: string, shown: Shown) =>
  `${node}.id AS id, ${popularityOf(node)} AS popularity,
   [name IN [${node}.title, ${node}.name] + coalesce(${node}.alternativeTitles, []) WHERE name IS NOT NULL] AS names,
   ${entityProjection(node, shown)} AS entity`;

/** How many of the best-scoring hits the banded path reads first, and how deep it reaches when the floors fail. */
const BAND_REACH = 100;
const DEEP_REACH = 2_000;

/** Above every band popularityBand gives (model/popularity.ts), the top of a band range. */
const TOP_BAND = 'band9999';

/**
 * The floors of the banded path, most popular first: the popularity bands of the films and of the
 * people at ranks 1,000, 4,000, 16,000, 64,000 and 256,000 by popularity, so each step looks among
 * about four times as many nodes as the last, and a word shared by a few thousand names finds its
 * tied page in a step or three. They only steer how much is read, never the answer, so they are
 * worked out at most once a minute (read from the popularity indexes), and a graph that changed
 * in between is still answered right.
 */
export const BAND_RANKS: readonly number[] = [1_000, 4_000, 16_000, 64_000, 256_000];
const BAND_FLOORS_TTL_MS = 60_000;
let bandFloorsCache: { at: number; floors: Promise<string[]> } | null = null;

/** Other ranks for the floors (read afresh, not kept), other reaches, and which way gave the page: for tests. */
export interface BandFloors {
  ranks?: readonly number[];
  reach?: { first: number; deep: number };
  answered?: (how: 'reach' | 'floor' | 'deep' | 'whole') => void;
}

function bandFloors(db: Database, ranks?: readonly number[]): Promise<string[]> {
  if (ranks) return readBandFloors(db, ranks);
  const now = Date.now();
  if (bandFloorsCache === null || now - bandFloorsCache.at > BAND_FLOORS_TTL_MS) {
    const floors = readBandFloors(db, BAND_RANKS);
    bandFloorsCache = { at: now, floors };
    // A failed read is not kept: the next search asks again.
    floors.catch(() => {
      if (bandFloorsCache?.floors === floors) bandFloorsCache = null;
    });
  }
  return bandFloorsCache.floors;
}

/** One pass down each popularity index, as deep as the deepest rank (less deep in a small graph). */
async function readBandFloors(db: Database, ranks: readonly number[]): Promise<string[]> {
  const [row] = await db.read<{ floors: number[] }>(
    `CALL () { MATCH (n:Film) WHERE n.popularity >= 1 WITH n ORDER BY n.popularity DESC LIMIT $deepest RETURN collect(n.popularity) AS films }
     CALL () { MATCH (n:Person) WHERE n.popularity >= 1 WITH n ORDER BY n.popularity DESC LIMIT $deepest RETURN collect(n.popularity) AS people }
     RETURN [rank IN $ranks WHERE rank <= size(films) | films[rank - 1]] + [rank IN $ranks WHERE rank <= size(people) | people[rank - 1]] AS floors`,
    { ranks, deepest: Math.max(...ranks) },
  );
  return [...new Set((row?.floors ?? []).map(popularityBand))].sort().reverse();
}

/** Hit order, on both paths and in the merge of the walk's labels: popularity, then id. */
function byPopularityThenId(a: { popularity: number; id: string }, b: { popularity: number; id: string }): number {
  if (a.popularity !== b.popularity) return b.popularity - a.popularity;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One label's part of the walk: its nodes from the most popular down (the popularity index read
 * backwards), or in id order for a label without popularity, at most a window of them; those
 * with a word starting with the prefix; the first `limit` of those by popularity and id.
 */
function walkOf(label: Label, shown: Shown): string {
  // Both orders are the index's own, so the walk stops as soon as the page is known (a partial
  // top: ties of popularity are read to their end, and only they are sorted by id).
  const [window, order] = RANKED.has(label)
    ? [`MATCH (n:${label}) WHERE n.popularity >= 0 WITH n ORDER BY n.popularity DESC LIMIT $window`, 'n.popularity DESC, n.id']
    : [`MATCH (n:${label}) WHERE n.id IS NOT NULL WITH n ORDER BY n.id LIMIT $window`, 'n.id'];
  return `${window}
     WITH n WHERE n.folded =~ $pattern
     WITH n ORDER BY ${order} LIMIT $limit
     RETURN '${label}' AS label, ${HIT('n', shown)}`;
}

export const searchService = {
  /**
   * Full-text hits over every searchable name, best first; equal scores by popularity (so "keanu"
   * gives Keanu Reeves before other Keanus), then by id for a stable order. Each hit comes back
   * with its stored properties (the resolver primes its label's loader), films and people only as
   * far as `shown` says.
   *
   * Over every label, the banded path (`banded`) reads about a page of hits however many tie. A
   * short prefix ("ke") limited to some labels takes the popularity walk when it can (`walk`):
   * Lucene scores all its hits alike, so ranking them means reading the whole tie.
   */
  async search(db: Database, text: string, types: SearchType[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    const query = luceneQuery(text);
    if (query === null) return [];
    const named = types && types.length > 0 ? [...new Set(types.map((type) => LABEL_OF[type]))] : null;
    const labels = named && named.length < SEARCHABLE.length ? named : null;
    const prefix = shortPrefixOf(termsOf(text));
    // Over every label the banded path answers short prefixes too, and faster than the walk at a
    // million films (10 against 32 ms); the walk serves searches limited to some labels.
    if (prefix !== null && labels !== null && limit > 0) {
      const walked = await searchService.walk(db, prefix, labels ?? SEARCHABLE, limit, shown);
      if (walked !== null) return walked;
    }
    return searchService.ranked(db, query, labels, limit, shown);
  },

  /**
   * The full-text path: hits ranked by the index, then by popularity and id. Over every label it
   * takes the banded path when it can (`banded`), so that a common word's tied hits are not all read.
   */
  async ranked(db: Database, query: string, labels: Label[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    if (labels === null && limit > 0) {
      const banded = await searchService.banded(db, query, limit, shown);
      if (banded !== null) return banded;
    }
    return searchService.rankedFully(db, query, labels, limit, shown);
  },

  /** Every hit read and ranked: what the other paths must answer the same as. */
  async rankedFully(db: Database, query: string, labels: Label[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    return db.read<SearchRow>(
      `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
       ${labels ? 'WHERE any(label IN labels(node) WHERE label IN $labels)' : ''}
       WITH node, score ORDER BY score DESC, ${popularityOf('node')} DESC, node.id LIMIT $limit
       RETURN score, ${HIT('node', shown)}`,
      { query, labels, limit },
    );
  },

  /**
   * The banded path: the same page as `rankedFully`, reading about a page of hits rather than all
   * of them. Lucene gives its best `BAND_REACH` hits by score; every hit scoring above the page's
   * lowest score is among them, and the rest of the page are the most popular hits tied at that
   * score. When the tie ends within that reach, it is all there. When it goes on, the tied hits
   * are looked for among the most popular nodes first: Lucene is asked for the tied hits whose
   * popularity band is at least a floor (`bandFloors`), each floor lower than the last, until one
   * gives enough; as every film and person at least as popular as a floor is in its band or above,
   * those hold the most popular of the whole tie. Then a deeper reach, and last the whole tie.
   * Null when the tie was not found again (the index changed in between): the caller ranks fully.
   */
  async banded(db: Database, query: string, limit: number, shown: Shown = {}, floorsAt: BandFloors = {}): Promise<SearchRow[] | null> {
    const reach = Math.max(floorsAt.reach?.first ?? BAND_REACH, 4 * limit);
    // One statement when the tie ends within the reach (most searches): the page itself. Else its
    // hits above the tie, with `lowest` and `complete` saying what is still to be found.
    const best = await db.read<SearchRow & { lowest: number | null; complete: boolean; rankedTie: boolean }>(
      `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $reach}) YIELD node, score
       WITH node, score ORDER BY score DESC
       WITH collect({node: node, score: score}) AS hits
       WITH hits, CASE WHEN size(hits) >= $limit THEN hits[$limit - 1].score END AS lowest
       WITH hits, lowest, lowest IS NULL OR size(hits) < $reach OR hits[-1].score < lowest AS complete
       WITH hits, lowest, complete,
            any(hit IN hits WHERE hit.score = lowest AND any(label IN labels(hit.node) WHERE label IN $ranked)) AS rankedTie
       UNWIND hits AS hit
       WITH lowest, complete, rankedTie, hit.node AS node, hit.score AS score
       WITH lowest, complete, rankedTie, node, score ORDER BY score DESC, ${popularityOf('node')} DESC, node.id LIMIT $limit
       RETURN lowest, complete, rankedTie, score, ${HIT('node', shown)}`,
      { query, reach, limit, ranked: [...RANKED] },
    );
    const page = best.map(({ lowest: _lowest, complete: _complete, rankedTie: _rankedTie, ...hit }) => hit);
    if (best.length === 0 || best[0].complete) {
      if (best.length > 0 && best[0].lowest !== null) floorsAt.answered?.('reach');
      return page;
    }
    const lowest = best[0].lowest!;
    const above = page.filter((hit) => hit.score > lowest);
    const need = limit - above.length;
    const floors = await bandFloors(db, floorsAt.ranks);
    const floorSteps = floors.map((band) => ({ query: `${query} +popularityBand:[${band} TO ${TOP_BAND}]^0`, limit: null, way: 'floor' as const }));
    const deep = { query, limit: Math.max(floorsAt.reach?.deep ?? DEEP_REACH, reach), way: 'deep' as const };
    // Only films and people have bands. A tie whose hits in the reach are all characters, franchises
    // or genres (at a million films "shadow" ties 368 characters) is mostly theirs, and no floor
    // finds those: five floors, each a full-text query, then failed before the deeper reach. So
    // that reach goes first there; the floors follow for a tie that also holds many people (a
    // first name shared by characters and people). Which step answers never changes the page.
    const steps: { query: string; limit: number | null; way: 'floor' | 'deep' | 'whole' }[] = [
      ...(best[0].rankedTie ? [...floorSteps, deep] : [deep, ...floorSteps]),
      { query, limit: null, way: 'whole' },
    ];
    // The steps run one by one and stop at the first that answers (LIMIT 1 pulls no further):
    // a floor with enough tied hits, the deeper reach when the tie ends within it, or the last.
    const tied = await db.read<Omit<SearchRow, 'score'> & { step: number }>(
      `UNWIND range(0, size($steps) - 1) AS at
       WITH at, $steps[at] AS step
       CALL (step) {
         CALL (step) {
           WITH step WHERE step.limit IS NULL
           CALL db.index.fulltext.queryNodes('entity_names', step.query) YIELD node, score
           RETURN node, score
           UNION ALL
           WITH step WHERE step.limit IS NOT NULL
           CALL db.index.fulltext.queryNodes('entity_names', step.query, {limit: step.limit}) YIELD node, score
           RETURN node, score
         }
         WITH count(node) AS read, min(score) AS least, collect(CASE WHEN score = $lowest THEN node END) AS tiedHits
         CALL (tiedHits) {
           UNWIND tiedHits AS node
           WITH node ORDER BY ${popularityOf('node')} DESC, node.id LIMIT $need
           RETURN collect(node) AS tied
         }
         RETURN read, least, tied
       }
       WITH at, step, read, least, tied
       WHERE (step.limit IS NULL AND size(tied) >= $need) OR (step.limit IS NOT NULL AND (read < step.limit OR least < $lowest)) OR at = size($steps) - 1
       WITH at, tied LIMIT 1
       UNWIND tied AS node
       RETURN at AS step, ${HIT('node', shown)}`,
      { steps, lowest, need },
    );
    if (tied.length < need) return null;
    floorsAt.answered?.(steps[tied[0].step].way);
    return [...above, ...tied.map(({ step: _step, ...hit }) => ({ ...hit, score: lowest }))];
  },

  /**
   * The short-prefix path: the first `limit` hits of `prefix`, the same hits in the same order as
   * the full-text path gives, without ranking every tied hit. Null when some hit would score above
   * the rest, or the prefix has too few hits for the walk to pay (then the caller ranks as usual).
   * In one read transaction:
   *
   *  1. the walk: each label's nodes from the most popular down, at most `bounds.window`, tested
   *     for a word starting with the prefix; the best `limit` of all labels make the page;
   *  2. for each label, whether its window held every node at least as popular as the page's last
   *     hit (a count on the popularity index that stops one past the window);
   *  3. for a label whose window did not, its hits at least that popular from the full-text index:
   *     the prefix is rare among its most popular nodes, so it has few such hits to rank.
   */
  async walk(
    db: Database,
    prefix: string,
    labels: readonly Label[],
    limit: number,
    shown: Shown = {},
    bounds: WalkBounds = WALK_BOUNDS,
  ): Promise<SearchRow[] | null> {
    const walked = SEARCHABLE.filter((label) => labels.includes(label));
    return db.readTx(async (tx) => {
      // Lucene answers both questions from its own postings, before any node is read.
      const [found] = await tx.run<{ untied: boolean; crowded: boolean; hits: LabelledHit[] }>(
        `CALL () {
           CALL db.index.fulltext.queryNodes('entity_names', $untied, {limit: 1}) YIELD node
           RETURN count(node) > 0 AS untied
         }
         CALL () {
           CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $crowd}) YIELD node
           RETURN count(node) >= $crowd AS crowded
         }
         CALL (untied, crowded) {
           WITH untied WHERE crowded AND NOT untied
           CALL () {
             ${walked.map((label) => walkOf(label, shown)).join('\n             UNION ALL\n             ')}
           }
           RETURN collect({label: label, id: id, popularity: popularity, names: names, entity: entity}) AS hits
         }
         RETURN untied, crowded, hits`,
        {
          untied: untiedQuery(prefix),
          query: luceneQuery(prefix),
          crowd: bounds.crowd,
          pattern: wordStartPattern(prefix),
          window: bounds.window,
          limit,
        },
      );
      if (!found || found.untied || !found.crowded) return null;
      const page = [...found.hits].sort(byPopularityThenId).slice(0, limit);
      // Every hit that belongs on the page is at least as popular as the last one, when it is full.
      const floor = page.length === limit ? page[page.length - 1].popularity : 0;
      const missed = await labelsWindowMissed(tx, walked, found.hits, floor, limit, bounds.window);
      if (missed.length === 0) return page.map(asRow);
      const kept = found.hits.filter((hit) => !missed.includes(hit.label));
      const filled = await hitsAbove(tx, prefix, missed, floor, limit, shown);
      return [...kept, ...filled].sort(byPopularityThenId).slice(0, limit).map(asRow);
    });
  },
};

type LabelledHit = Omit<SearchRow, 'score'> & { label: Label };

const asRow = ({ label: _label, ...hit }: LabelledHit): SearchRow => ({ ...hit, score: PREFIX_SCORE });

/**
 * The labels whose walk window may have missed a hit for the page: a ranked label whose window did
 * not hold all its nodes of popularity `floor` or more; an unranked one (all at 0, so after every
 * hit above 0) only when the page reaches 0 and its window, in id order, found fewer than `limit`
 * while not holding all its nodes. The counts stop one past the window and read an index only.
 */
async function labelsWindowMissed(
  tx: Tx,
  labels: readonly Label[],
  hits: readonly LabelledHit[],
  floor: number,
  limit: number,
  window: number,
): Promise<Label[]> {
  const asked = labels.filter((label) => RANKED.has(label) || (floor === 0 && hits.filter((hit) => hit.label === label).length < limit));
  if (asked.length === 0) return [];
  const counts = asked.map(
    (label, i) =>
      `CALL () { MATCH (n:${label}) ${
        RANKED.has(label) ? 'WHERE n.popularity >= $floor ' : ''
      }WITH n LIMIT $over RETURN count(n) AS n${i} }`,
  );
  const [row] = await tx.run<Record<string, number>>(`${counts.join('\n   ')}\n   RETURN ${asked.map((_, i) => `n${i}`).join(', ')}`, {
    floor,
    over: window + 1,
  });
  return asked.filter((_, i) => (row?.[`n${i}`] ?? Infinity) > window);
}

/** The index's fields that hold each label's names (schema/003-fulltext.cypher). */
const FIELDS_OF: Partial<Record<Label, readonly string[]>> = {
  Film: ['title', 'alternativeTitlesText'],
  Person: ['name'],
  Franchise: ['name'],
  Character: ['name'],
  Genre: ['name'],
};

/** Every name field of the index, in its order (the band field is none). */
const NAME_FIELDS = [...new Set(Object.values(FIELDS_OF).flat())];

/** The best `limit` hits of `labels` of popularity `floor` or more, from the full-text index: those labels' fields only. */
async function hitsAbove(
  tx: Tx,
  prefix: string,
  labels: readonly Label[],
  floor: number,
  limit: number,
  shown: Shown,
): Promise<LabelledHit[]> {
  const fields = [...new Set(labels.flatMap((label) => FIELDS_OF[label] ?? []))];
  return tx.run<LabelledHit>(
    `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
     WHERE (${labels.map((label) => `node:${label}`).join(' OR ')}) AND ${popularityOf('node')} >= $floor
     WITH node ORDER BY ${popularityOf('node')} DESC, node.id LIMIT $limit
     RETURN [label IN labels(node) WHERE label IN $labels][0] AS label, ${HIT('node', shown)}`,
    { query: fields.map((field) => `${field}:${prefix}*`).join(' '), labels, floor, limit },
  );
}
