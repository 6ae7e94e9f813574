import { fold } from '../model/slug';

/**
 * Review mentions: the pure rule that finds names in a text. Review mentions are the people, films, franchises and characters a review's text names, stored as
 * (:Review)-[:MENTIONS {text, position}]->(entity), one relationship per entity named (its first
 * naming: `text` is the words as written there, `position` the character offset).
 *
 * How names are found (the rule, in the order it is applied):
 *  1. Words are runs of letters and digits, so a name only ever matches whole words: "Wick" is never
 *     found inside "Wickham", and "Len Wiseman's" names Len Wiseman with text "Len Wiseman".
 *  2. Every run of 1 to 12 words that starts with a capital letter or a digit, and stays on one
 *     line, is a candidate, taken as written (punctuation inside it included, so "John Wick:
 *     Chapter 4" and "Carrie-Anne Moss"), folded like stored names (lower case, no diacritics).
 *  3. All candidates of a batch of reviews are looked up in one UNWIND query against the stored
 *     folded names (Person.folded, Film.sortTitle and the alternative titles in Film.folded,
 *     Franchise.folded, Character.folded), by index: names are never loaded into memory.
 *  4. Comparison ignores case and diacritics ("Bill Skarsgard" names Bill Skarsgård), except that a
 *     word capitalised in the stored name must be capitalised in the text: "a ballerina" does not
 *     name the film Ballerina, "the director" does not name the character The Director.
 *  5. Reading left to right, the longest name starting at a word wins ("John Wick: Chapter 4" over
 *     "John Wick"); the words it covers are not searched again.
 *  6. A name shared by several kinds of entity is decided by the words around it:
 *       followed by franchise, franchises, series, saga, universe, trilogy, films, movies, sequels
 *       or instalments                                                           → the Franchise;
 *       after as, plays, played, playing, portrays, portrayed, portraying, voices or voiced, or
 *       followed by character or role                                            → the Character;
 *       otherwise Film, then Person, then Franchise, then Character.
 *     "the John Wick franchise" is the franchise, "Keanu Reeves as John Wick" the character,
 *     "John Wick (2014)" the film.
 *  7. Two entities of the same kind with the same name: the one close to the reviewed film (the
 *     film itself, its people, its franchise, that franchise's films and characters), else the
 *     lowest id, so the choice is repeatable.
 */

export const MENTION_LABELS = ['Person', 'Film', 'Franchise', 'Character'] as const;
export type MentionLabel = (typeof MENTION_LABELS)[number];

/** One naming of an entity in a text. */
export interface Naming {
  entityId: string;
  label: MentionLabel;
  /** The words in the text that name it, as written. */
  text: string;
  /** Where they start, in characters. */
  position: number;
}

/** The longest name looked for, in words ("From the World of John Wick: Ballerina" is 7). */
const MAX_WORDS = 12;

const FRANCHISE_AFTER = new Set([
  'franchise', 'franchises', 'series', 'saga', 'sagas', 'universe', 'trilogy', 'films', 'movies',
  'sequels', 'instalments', 'installments',
]);
const CHARACTER_BEFORE = new Set(['as', 'plays', 'played', 'playing', 'portrays', 'portrayed', 'portraying', 'voices', 'voiced']);
const CHARACTER_AFTER = new Set(['character', 'role']);
const DEFAULT_ORDER: MentionLabel[] = ['Film', 'Person', 'Franchise', 'Character'];

interface Word {
  start: number;
  end: number;
  /** Folded, for the context rules. */
  folded: string;
}

/** A run of words in the text that could be a name. */
interface Span {
  first: number;
  last: number;
  text: string;
  /** The text folded as stored names are, whitespace runs as one space. */
  key: string;
}

/** An entity a folded key names, with the stored spellings that fold to it. */
export interface Candidate {
  id: string;
  label: MentionLabel;
  /** Every stored name of the entity (a film's title and alternative titles). */
  names: string[];
}


/** The words of a text: runs of letters (with their combining marks) and digits. */
export function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu)].map((match) => ({
    start: match.index!,
    end: match.index! + match[0].length,
    folded: fold(match[0]),
  }));
}

function keyOf(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** Runs of up to MAX_WORDS words that start capitalised (or with a digit) and stay on one line. */
export function spansOf(text: string, words: Word[]): Span[] {
  const spans: Span[] = [];
  words.forEach((word, first) => {
    if (!/^[\p{Lu}\p{Lt}\p{N}]/u.test(text.slice(word.start))) return;
    for (let last = first; last < Math.min(words.length, first + MAX_WORDS); last += 1) {
      const written = text.slice(word.start, words[last].end);
      if (/[\n\r]/.test(written)) break;
      spans.push({ first, last, text: written, key: keyOf(written) });
    }
  });
  return spans;
}

/** Rule 4: a word capitalised in the stored name is capitalised in the text. */
function capitalsAgree(written: string, candidate: Candidate, key: string): boolean {
  const stored = candidate.names.find((name) => keyOf(name) === key);
  if (!stored) return false;
  const storedWords = stored.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  const writtenWords = written.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  if (storedWords.length !== writtenWords.length) return true;
  const capital = (word: string) => /^[\p{Lu}\p{Lt}]/u.test(word);
  return storedWords.every((word, i) => !capital(word) || capital(writtenWords[i]));
}

/** Rule 6: the kind of entity the words around the name point to. */
function preferredLabel(words: Word[], span: Span, labels: Set<MentionLabel>): MentionLabel {
  const after = words[span.last + 1]?.folded;
  const before = words[span.first - 1]?.folded;
  if (labels.has('Franchise') && after && FRANCHISE_AFTER.has(after)) return 'Franchise';
  if (labels.has('Character') && ((before && CHARACTER_BEFORE.has(before)) || (after && CHARACTER_AFTER.has(after)))) return 'Character';
  return DEFAULT_ORDER.find((label) => labels.has(label))!;
}

/**
 * Rules 1, 2, 4, 5 and 6 on one text, given what each folded key names. Pure, so the rule is
 * testable without a database. Returns every naming; `near` breaks same-kind ties (rule 7).
 */
export function findMentions(
  text: string,
  candidatesOf: (key: string) => Candidate[],
  near: (candidates: Candidate[]) => Candidate = (candidates) => [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1))[0],
): Naming[] {
  const words = wordsOf(text);
  const byFirst = new Map<number, Span[]>();
  for (const span of spansOf(text, words)) byFirst.set(span.first, [...(byFirst.get(span.first) ?? []), span]);
  const found: Naming[] = [];
  for (let i = 0; i < words.length; ) {
    const longestFirst = (byFirst.get(i) ?? []).sort((a, b) => b.last - a.last);
    const hit = longestFirst
      .map((span) => ({ span, candidates: candidatesOf(span.key).filter((c) => capitalsAgree(span.text, c, span.key)) }))
      .find((match) => match.candidates.length > 0);
    if (!hit) {
      i += 1;
      continue;
    }
    const label = preferredLabel(words, hit.span, new Set(hit.candidates.map((c) => c.label)));
    const chosen = near(hit.candidates.filter((c) => c.label === label));
    found.push({ entityId: chosen.id, label, text: hit.span.text, position: words[hit.span.first].start });
    i = hit.span.last + 1;
  }
  return found;
}

