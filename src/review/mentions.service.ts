import { fold } from '../common/slug';
import { labelOfId } from '../common/ids';
import { Database, Tx } from '../db/database';

/**
 * Review mentions: the people, films, franchises and characters a review's text names, stored as
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

export interface Mention {
  entityId: string;
  label: MentionLabel;
  /** The words in the text that name it. */
  text: string;
}

/** A DataLoader key for <entity>.mentionedIn: the entity and a validated page. */
export interface MentionedInKey {
  entityId: string;
  offset: number;
  limit: number;
}

export interface MentionedInPage {
  /** Up to limit + 1 ids, newest review first: the extra one only says a next page exists. */
  reviewIds: string[];
  totalCount: number;
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

export interface FoundMention extends Mention {
  position: number;
}

/** The words of a text: runs of letters (with their combining marks) and digits. */
function wordsOf(text: string): Word[] {
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
function spansOf(text: string, words: Word[]): Span[] {
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
): FoundMention[] {
  const words = wordsOf(text);
  const byFirst = new Map<number, Span[]>();
  for (const span of spansOf(text, words)) byFirst.set(span.first, [...(byFirst.get(span.first) ?? []), span]);
  const found: FoundMention[] = [];
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

/**
 * Replaces the MENTIONS of these reviews with what their text names now. Runs inside the caller's
 * write transaction (importDocument calls it right after writing reviews), so a review and its
 * mentions are stored together; safe to repeat.
 */
export async function linkMentions(tx: Tx, reviewIds: readonly string[]): Promise<void> {
  if (reviewIds.length === 0) return;
  const reviews = await tx.run<{ id: string; body: string | null; filmId: string | null }>(
    `UNWIND $reviewIds AS reviewId
     MATCH (review:Review {id: reviewId})
     OPTIONAL MATCH (review)-[old:MENTIONS]->()
     DELETE old
     WITH DISTINCT review
     OPTIONAL MATCH (review)-[:REVIEWS]->(film:Film)
     RETURN review.id AS id, review.body AS body, film.id AS filmId`,
    { reviewIds: [...reviewIds] },
  );
  const texts = reviews.filter((r): r is { id: string; body: string; filmId: string | null } => !!r.body);
  if (texts.length === 0) return;

  const keys = [...new Set(texts.flatMap((r) => spansOf(r.body, wordsOf(r.body)).map((span) => span.key)))];
  const candidates = await lookUpNames(tx, keys);

  // Same-kind ties are rare, so nearness is only asked about when one occurs.
  const ties: { reviewId: string; filmId: string; candidates: Candidate[] }[] = [];
  const firstPass = texts.map((review) => ({
    review,
    mentions: findMentions(review.body, (key) => candidates.get(key) ?? [], (tied) => {
      if (tied.length > 1 && review.filmId) ties.push({ reviewId: review.id, filmId: review.filmId, candidates: tied });
      return [...tied].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    }),
  }));
  let results = firstPass;
  if (ties.length > 0) {
    const nearIds = await closeToFilms(tx, ties);
    results = texts.map((review) => ({
      review,
      mentions: findMentions(review.body, (key) => candidates.get(key) ?? [], (tied) =>
        [...tied].sort(
          (a, b) =>
            Number(nearIds.has(`${review.filmId}|${b.id}`)) - Number(nearIds.has(`${review.filmId}|${a.id}`)) || (a.id < b.id ? -1 : 1),
        )[0],
      ),
    }));
  }

  const mentions = results.flatMap(({ review, mentions: found }) => {
    const seen = new Set<string>();
    return found
      .filter((m) => !seen.has(m.entityId) && seen.add(m.entityId))
      .map((m) => ({ reviewId: review.id, entityId: m.entityId, label: m.label, text: m.text, position: m.position }));
  });
  if (mentions.length === 0) return;
  await tx.run(
    `UNWIND $mentions AS mention
     MATCH (review:Review {id: mention.reviewId})
     CALL (mention) {
       ${MENTION_LABELS.map((label) => `MATCH (n:${label} {id: mention.entityId}) WHERE mention.label = '${label}' RETURN n`).join(
         '\n       UNION\n       ',
       )}
     }
     MERGE (review)-[m:MENTIONS]->(n)
     SET m.text = mention.text, m.position = mention.position`,
    { mentions },
  );
}

/**
 * Rule 3: what each folded key names, by index look-ups only. A film's alternative titles sit in
 * Film.folded after its title, one per line, so "\n" + key either ends it or is followed by "\n".
 */
async function lookUpNames(tx: Tx, keys: string[]): Promise<Map<string, Candidate[]>> {
  // A plain list of strings: with it the planner knows each key is a string, which it needs before
  // it will answer `Person.folded = key` from that property's text index.
  const rows = await tx.run<{ key: string; id: string; label: MentionLabel; names: string[] }>(
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (n:Person {folded: key}) RETURN n, 'Person' AS label
       UNION
       MATCH (n:Film {sortTitle: key}) RETURN n, 'Film' AS label
       UNION
       MATCH (n:Film) WHERE n.folded ENDS WITH $lineBreak + key RETURN n, 'Film' AS label
       UNION
       MATCH (n:Film) WHERE n.folded CONTAINS $lineBreak + key + $lineBreak RETURN n, 'Film' AS label
       UNION
       MATCH (n:Franchise {folded: key}) RETURN n, 'Franchise' AS label
       UNION
       MATCH (n:Character {folded: key}) RETURN n, 'Character' AS label
     }
     RETURN key, n.id AS id, label,
            CASE label WHEN 'Film' THEN [n.title] + coalesce(n.alternativeTitles, []) ELSE [n.name] END AS names`,
    { keys, lineBreak: '\n' },
  );
  const byKey = new Map<string, Candidate[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), { id: row.id, label: row.label, names: row.names }]);
  return byKey;
}

/** Rule 7: which tied entities are close to the reviewed film, as "filmId|entityId". */
async function closeToFilms(tx: Tx, ties: { filmId: string; candidates: Candidate[] }[]): Promise<Set<string>> {
  const pairs = ties.flatMap((tie) => tie.candidates.map((c) => ({ filmId: tie.filmId, entityId: c.id })));
  const rows = await tx.run<{ filmId: string; entityId: string }>(
    `UNWIND $pairs AS pair
     MATCH (film:Film {id: pair.filmId})
     WITH film, pair
     WHERE film.id = pair.entityId
        OR EXISTS { (film)<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(:Person {id: pair.entityId}) }
        OR EXISTS { (film)<-[:ON_FILM]-(:Role)-[:PLAYS]->(:Character {id: pair.entityId}) }
        OR EXISTS { (film)-[:IN_FRANCHISE]->(:Franchise {id: pair.entityId}) }
        OR EXISTS { (film)-[:IN_FRANCHISE]->(:Franchise)<-[:IN_FRANCHISE|FROM_FRANCHISE]-(n {id: pair.entityId}) WHERE n:Film OR n:Character }
     RETURN pair.filmId AS filmId, pair.entityId AS entityId`,
    { pairs },
  );
  return new Set(rows.map((row) => `${row.filmId}|${row.entityId}`));
}

/** Review.mentions: in the order the text names them. One query for the batch, in key order. */
export async function reviewMentions(db: Database, reviewIds: readonly string[]): Promise<Mention[][]> {
  const rows = await db.read<{ reviewId: string; mentions: Mention[] }>(
    `UNWIND $reviewIds AS reviewId
     MATCH (:Review {id: reviewId})-[m:MENTIONS]->(n)
     WITH reviewId, m, n ORDER BY m.position, n.id
     RETURN reviewId, collect({entityId: n.id, label: [label IN $labels WHERE label IN labels(n)][0], text: m.text}) AS mentions`,
    { reviewIds: [...reviewIds], labels: MENTION_LABELS },
  );
  const byReview = new Map(rows.map((row) => [row.reviewId, row.mentions]));
  return reviewIds.map((id) => byReview.get(id) ?? []);
}

/**
 * <entity>.mentionedIn: reviews whose text names the entity, newest first (undated last, then id).
 * One query for the batch, each key with its own page; in key order, empty for unknown ids.
 */
export async function mentionedIn(db: Database, keys: readonly MentionedInKey[]): Promise<MentionedInPage[]> {
  const rows = await db.read<{ i: number; reviewIds: string[]; totalCount: number }>(
    `UNWIND $keys AS key
     CALL (key) {
       ${MENTION_LABELS.map((label) => `MATCH (n:${label} {id: key.entityId}) WHERE key.label IS NULL OR key.label = '${label}' RETURN n`).join(
         '\n       UNION\n       ',
       )}
     }
     MATCH (review:Review)-[:MENTIONS]->(n)
     WITH key, review ORDER BY review.publishedOn IS NULL, review.publishedOn DESC, review.id
     WITH key, collect(review.id) AS newestFirst
     RETURN key.i AS i, newestFirst[key.offset..key.offset + key.limit + 1] AS reviewIds, size(newestFirst) AS totalCount`,
    {
      keys: keys.map((key, i) => {
        // The id's prefix names its label when it has one, saving three of the four look-ups.
        const prefixed = labelOfId(key.entityId);
        const label = (MENTION_LABELS as readonly string[]).includes(prefixed ?? '') ? prefixed : null;
        return { i, entityId: key.entityId, label, offset: key.offset, limit: key.limit };
      }),
    },
  );
  const byIndex = new Map(rows.map((row) => [row.i, row]));
  return keys.map((_, i) => {
    const row = byIndex.get(i);
    return row ? { reviewIds: row.reviewIds, totalCount: row.totalCount } : { reviewIds: [], totalCount: 0 };
  });
}
