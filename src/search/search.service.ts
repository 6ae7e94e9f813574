import { Database, Tx } from '../db/database';
import { entityProjection, Shown } from '../model/entity';
import { Label } from '../model/graph';
import { popularityOf } from '../model/popularity';
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
    .map((term, i) => (i === last ? `(${term} OR ${term}*)` : term))
    .map((term) => `+${term}`)
    .join(' ');
}

/** Case and diacritics folded away, as the index's standard-folding analyzer does ("Skarsgård" → "skarsgard"). */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
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
      const words = folded(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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
   * A short prefix ("ke") takes the popularity walk when it can (`walk`): Lucene scores all its
   * hits alike, so ranking them means reading the whole tie.
   */
  async search(db: Database, text: string, types: SearchType[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    const query = luceneQuery(text);
    if (query === null) return [];
    const labels = types && types.length > 0 ? types.map((type) => LABEL_OF[type]) : null;
    const prefix = shortPrefixOf(termsOf(text));
    if (prefix !== null && limit > 0) {
      const walked = await searchService.walk(db, prefix, labels ?? SEARCHABLE, limit, shown);
      if (walked !== null) return walked;
    }
    return searchService.ranked(db, query, labels, limit, shown);
  },

  /** The full-text path: every hit ranked by the index, then by popularity and id. */
  async ranked(db: Database, query: string, labels: Label[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    return db.read<SearchRow>(
      `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
       ${labels ? 'WHERE any(label IN labels(node) WHERE label IN $labels)' : ''}
       WITH node, score ORDER BY score DESC, ${popularityOf('node')} DESC, node.id LIMIT $limit
       RETURN score, ${HIT('node', shown)}`,
      { query, labels, limit },
    );
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
        { untied: untiedQuery(prefix), query: luceneQuery(prefix), crowd: bounds.crowd, pattern: wordStartPattern(prefix), window: bounds.window, limit },
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
async function labelsWindowMissed(tx: Tx, labels: readonly Label[], hits: readonly LabelledHit[], floor: number, limit: number, window: number): Promise<Label[]> {
  const asked = labels.filter((label) => RANKED.has(label) || (floor === 0 && hits.filter((hit) => hit.label === label).length < limit));
  if (asked.length === 0) return [];
  const counts = asked.map(
    (label, i) => `CALL () { MATCH (n:${label}) ${RANKED.has(label) ? 'WHERE n.popularity >= $floor ' : ''}WITH n LIMIT $over RETURN count(n) AS n${i} }`,
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

/** The best `limit` hits of `labels` of popularity `floor` or more, from the full-text index: those labels' fields only. */
async function hitsAbove(tx: Tx, prefix: string, labels: readonly Label[], floor: number, limit: number, shown: Shown): Promise<LabelledHit[]> {
  const fields = [...new Set(labels.flatMap((label) => FIELDS_OF[label] ?? []))];
  return tx.run<LabelledHit>(
    `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
     WHERE (${labels.map((label) => `node:${label}`).join(' OR ')}) AND ${popularityOf('node')} >= $floor
     WITH node ORDER BY ${popularityOf('node')} DESC, node.id LIMIT $limit
     RETURN [label IN labels(node) WHERE label IN $labels][0] AS label, ${HIT('node', shown)}`,
    { query: fields.map((field) => `${field}:${prefix}*`).join(' '), labels, floor, limit },
  );
}
