/**
 * The short-prefix rule of search: which queries may skip the full-text index's ranking, and how a
 * stored name is tested for a hit the way the index would find it. The walk itself is in
 * search.service.ts; this file holds no Cypher, only the pure parts a unit test can pin.
 *
 * Why it can be skipped: Lucene scores a prefix query alike for every hit (constant score, 1 per
 * indexed field that has a word starting with it), so for a short prefix such as "ke" the first
 * page is known only once every tied hit has been read and sorted by popularity. When nothing
 * scores above that constant (no word equals the prefix, and no film has it in both its title and
 * its alternative titles), the order is popularity then id, which the popularity index walks.
 */

/** Longest prefix that takes the walk: longer ones match few enough names for the index to rank. */
export const SHORT_PREFIX = 3;

/** What each hit of a tied prefix query scores: one constant-score field (see the header). */
export const PREFIX_SCORE = 1;

/**
 * The stop words of the index's analyzer (schema/003-fulltext.cypher: 'standard-folding', Lucene's
 * English set). They are never indexed, so a name holding "the" is no hit for "th" by that word.
 * tests/search/prefix-walk.int.test.ts checks this list against the running Neo4j.
 */
export const INDEX_STOP_WORDS: readonly string[] = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on',
  'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
];

/**
 * Letters the index's ASCII folding maps where the stored folded text (model/slug.ts `fold`:
 * decomposition, marks dropped) keeps them: "Łódź" is the word "lodz" to the index, "łodz" as stored.
 */
const FOLDED_BY_INDEX: Readonly<Record<string, string>> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', ħ: 'h', ŧ: 't', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th',
};

/**
 * The prefix a query is, when it takes the walk: one term of 1 to SHORT_PREFIX letters a–z or
 * digits, as typed (after search's own splitting and lower-casing). Null for anything else.
 */
export function shortPrefixOf(terms: readonly string[]): string | null {
  if (terms.length !== 1) return null;
  const [term] = terms;
  return term.length <= SHORT_PREFIX && /^[a-z0-9]+$/.test(term) ? term : null;
}

/**
 * The Lucene query of the hits that would score above PREFIX_SCORE: a word equal to the prefix
 * (scored by term frequency, so not tied), or a film holding it in both indexed title fields.
 * Any such hit sends the search down the full-text path.
 */
export function untiedQuery(prefix: string): string {
  return `${prefix} (+title:${prefix}* +alternativeTitlesText:${prefix}*)`;
}

// Word breaks as the index's tokenizer (Unicode's word rules) makes them, near enough for names:
// letters and digits run together, and a letter run goes on across an apostrophe, a full stop or a
// colon between letters ("o'keefe", "mr.kelly" are single words), a digit run across , . ; ' ("1,000").
// Han, Hiragana and Katakana letters are words on their own, so they do not join a Latin word.
const LETTER = '[\\p{L}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]';
const JOINING = '[\\p{L}\\p{N}_]';
const MID_LETTER = "[:\u00b7.'\u2018\u2019\u2027]";
const MID_NUMBER = "[,;.'\u2018\u2019]";

/** A class of the stored characters the index reads as `char` (itself and those FOLDED_BY_INDEX maps to it alone). */
function charClass(char: string): string {
  const sources = Object.entries(FOLDED_BY_INDEX)
    .filter(([, folded]) => folded === char)
    .map(([source]) => source);
  return sources.length === 0 ? char : `[${char}${sources.join('')}]`;
}

/** The stored spellings of `prefix`: letter by letter, or through a letter the index expands ("æ" for "ae", or "a" at the end). */
function spellings(prefix: string): string {
  if (prefix === '') return '';
  const options = [charClass(prefix[0]) + spellings(prefix.slice(1))];
  for (const [source, folded] of Object.entries(FOLDED_BY_INDEX)) {
    if (folded.length < 2) continue;
    if (prefix.startsWith(folded)) options.push(source + spellings(prefix.slice(folded.length)));
    else if (folded.startsWith(prefix)) options.push(source);
  }
  return options.length === 1 ? options[0] : `(?:${options.join('|')})`;
}

/**
 * A Java regular expression (Cypher's =~ matches the whole text) that holds for a stored folded
 * text (model/*.ts `folded`: names folded, one per line) when one of its words, as the index
 * splits them, starts with `prefix` and is not a stop word.
 */
export function wordStartPattern(prefix: string): string {
  const digit = /^[0-9]/.test(prefix);
  // Not inside a word: no letter, digit or '_' before it, nor a joining mark after one.
  const start = digit
    ? `(?<!${JOINING})(?<!\\p{N}${MID_NUMBER})`
    : `(?<!${JOINING})(?<!${LETTER}${MID_LETTER})`;
  const wordEnd = `(?!${JOINING}|${MID_LETTER}${LETTER})`;
  const stops = INDEX_STOP_WORDS.filter((word) => word.startsWith(prefix));
  const notStop = stops.length === 0 ? '' : `(?!(?:${stops.join('|')})${wordEnd})`;
  return `(?s).*${start}${notStop}${spellings(prefix)}.*`;
}
