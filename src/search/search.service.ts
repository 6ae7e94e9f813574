import { entityProjection } from '../common/node.projection';
import { Database } from '../db/database';
import { Label } from '../db/model';
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
export function luceneQuery(text: string): string | null {
  const terms = text
    .split(/[\s\p{P}\p{S}]+/u)
    .map((term) => term.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, '').toLowerCase())
    .filter((term) => term.length > 0);
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms
    .map((term, i) => (i === last ? `(${term} OR ${term}*)` : term))
    .map((term) => `+${term}`)
    .join(' ');
}

export type SearchRow = {
  id: string;
  score: number;
  /** The hit's stored properties, as its label's loader reads them (the resolver primes it). */
  entity: { id: string };
};


/** Hits Lucene is asked for before the full ranking is needed: a few pages' worth. */
const WINDOW_PAGES = 4;
const MIN_WINDOW = 40;

export const searchService = {
  /**
   * Full-text hits over every searchable name, best first, ties by id for a stable order.
   *
   * A one-word prefix matches thousands of names in a large catalogue, and ranking every hit
   * grows with the catalogue. Lucene can return its best `window` hits instead; that page is the
   * exact answer unless a tie at the page's last score may run past the window (or a type filter
   * left the page short), and only then is every hit ranked.
   */
  async search(db: Database, text: string, types: SearchType[] | null, limit: number): Promise<SearchRow[]> {
    const query = luceneQuery(text);
    if (query === null || limit === 0) return [];
    const labels = types && types.length > 0 ? types.map((type) => LABEL_OF[type]) : null;
    const window = Math.max(limit * WINDOW_PAGES, MIN_WINDOW);
    const windowed = await rankedHits(db, query, labels, limit, window);
    const last = windowed.page[windowed.page.length - 1];
    const exact = windowed.found < window || (windowed.page.length === limit && last.score > windowed.lowest);
    return exact ? windowed.page : (await rankedHits(db, query, labels, limit, null)).page;
  },
};

async function rankedHits(db: Database, query: string, labels: Label[] | null, limit: number, window: number | null) {
  const [row] = await db.read<{ found: number; lowest: number | null; page: SearchRow[] }>(
    `CALL db.index.fulltext.queryNodes('entity_names', $query${window === null ? '' : ', {limit: $window}'}) YIELD node, score
     WITH collect({node: node, score: score}) AS hits, count(*) AS found, min(score) AS lowest
     CALL (hits) {
       UNWIND hits AS hit
       WITH hit.node AS node, hit.score AS score
       ${labels ? 'WHERE any(label IN labels(node) WHERE label IN $labels)' : ''}
       WITH node, score ORDER BY score DESC, node.id LIMIT $limit
       RETURN collect({id: node.id, score: score, entity: ${entityProjection('node')}}) AS page
     }
     RETURN found, lowest, page`,
    { query, labels, limit, window },
  );
  return { found: row.found, lowest: row.lowest ?? 0, page: row.page };
}
