import { Field, Int, ObjectType } from 'type-graphql';
import type { MentionLabel } from './mention.matcher';

@ObjectType({ description: "An entity named in a review's text and linked in the graph." })
export class Mention {
  @Field({ description: 'The words in the text that name it, as written there (its first naming in the text).' })
  text!: string;

  @Field(() => Int, { description: "Where those words start in the review's body: `body.slice(start, end)` is `text` (offsets in UTF-16 code units, as JavaScript strings count)." })
  start!: number;

  /** `end` is Mention.end, worked out from these two (MentionResolver). */

  /** Resolved to the entity by Mention.entity. */
  entityId!: string;
  label!: MentionLabel;
}
