import { inKeyOrder, positions } from '../common/batch';
import { Database } from '../db/database';
import { labelOfId } from '../model/ids';
import { nodeOfAnyLabel } from '../model/graph';
import { MENTION_LABELS } from './mention.matcher';
import { Mention } from './mention.type';

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

/** Review.mentions: in the order the text names them. One query for the batch, in key order. */
export const mentionService = {
  async ofReviews(db: Database, reviewIds: readonly string[]): Promise<Mention[][]> {
    const rows = await db.read<{ key: string; value: Mention[] }>(
      `UNWIND $reviewIds AS reviewId
       MATCH (:Review {id: reviewId})-[m:MENTIONS]->(n)
       WITH reviewId, m, n ORDER BY m.position, n.id
       RETURN reviewId AS key, collect({entityId: n.id, label: [label IN $labels WHERE label IN labels(n)][0], text: m.text, start: m.position}) AS value`,
      { reviewIds: [...reviewIds], labels: MENTION_LABELS },
    );
    return inKeyOrder(reviewIds, rows, []);
  },

  /**
   * <entity>.mentionedIn: reviews whose text names the entity, newest first (undated last, then
   * id). One query for the batch, each key with its own page; in key order, empty for unknown ids.
   */
  async mentionedIn(db: Database, keys: readonly MentionedInKey[]): Promise<MentionedInPage[]> {
    const rows = await db.read<{ key: number; value: MentionedInPage }>(
      `UNWIND $keys AS key
       CALL (key) { ${nodeOfAnyLabel('n', 'key.entityId', MENTION_LABELS, 'key.label')} }
       MATCH (review:Review)-[:MENTIONS]->(n)
       WITH key, review ORDER BY review.publishedOn IS NULL, review.publishedOn DESC, review.id
       WITH key, collect(review.id) AS newestFirst
       RETURN key.i AS key, {reviewIds: newestFirst[key.offset..key.offset + key.limit + 1], totalCount: size(newestFirst)} AS value`,
      {
        keys: keys.map((key, i) => {
          // The id's prefix names its label when it has one, saving three of the four look-ups.
          const prefixed = labelOfId(key.entityId);
          const label = (MENTION_LABELS as readonly string[]).includes(prefixed ?? '') ? prefixed : null;
          return { i, entityId: key.entityId, label, offset: key.offset, limit: key.limit };
        }),
      },
    );
    return inKeyOrder(positions(keys), rows, { reviewIds: [], totalCount: 0 });
  },
};
