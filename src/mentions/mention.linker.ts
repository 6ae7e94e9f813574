import { Tx } from '../db/database';
import { nodeOfAnyLabel } from '../model/graph';
import { Candidate, findMentions, MENTION_LABELS, MentionLabel, spansOf, wordsOf } from './mention.matcher';

/**
 * The write side of mentions: stores what a review's text names (mention.matcher.ts has the rule)
 * as (:Review)-[:MENTIONS {text, position}]->(entity), one relationship per entity named (its
 * first naming: `text` is the words as written there, `position` the character offset).
 */

/**
 * A merge's part of mentions, as a CALL on the bound `from` and `into`: what named `from` names
 * `into` now, with the words and place of its first naming kept where a review named both.
 */
export const MOVE_MENTIONS = `CALL (from, into) {
         MATCH (rv:Review)-[old:MENTIONS]->(from)
         WITH rv, old, properties(old) AS mention
         DELETE old
         MERGE (rv)-[m:MENTIONS]->(into)
         ON CREATE SET m = mention
       }`;

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
     CALL (mention) { ${nodeOfAnyLabel('n', 'mention.entityId', MENTION_LABELS, 'mention.label')} }
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

