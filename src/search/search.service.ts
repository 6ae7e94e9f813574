import { Database } from '../db/database';
import { entityProjection, Shown } from '../model/entity';
import { Label } from '../model/graph';
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
  /** The names the index holds for it: title or name first, then alternative titles. */
  names: string[];
  /** The hit's stored properties, as its label's loader reads them (the resolver primes it). */
  entity: { id: string };
};

export const searchService = {
  /**
   * Full-text hits over every searchable name, best first, ties by id for a stable order. Each
   * hit comes back with its stored properties (the resolver primes its label's loader), films and
   * people only as far as `shown` says.
   *
   * Every hit is ranked: a short prefix scores all its matches alike (Lucene's prefix queries are
   * constant-score), so the first page of a tie is only known once all of it is seen.
   */
  async search(db: Database, text: string, types: SearchType[] | null, limit: number, shown: Shown = {}): Promise<SearchRow[]> {
    const query = luceneQuery(text);
    if (query === null) return [];
    const labels = types && types.length > 0 ? types.map((type) => LABEL_OF[type]) : null;
    return db.read<SearchRow>(
      `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
       ${labels ? 'WHERE any(label IN labels(node) WHERE label IN $labels)' : ''}
       WITH node, score ORDER BY score DESC, node.id LIMIT $limit
       RETURN node.id AS id, score, [name IN [node.title, node.name] + coalesce(node.alternativeTitles, []) WHERE name IS NOT NULL] AS names,
              ${entityProjection('node', shown)} AS entity`,
      { query, labels, limit },
    );
  },
};
