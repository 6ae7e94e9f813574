import { Field, ObjectType } from 'type-graphql';
import type { MentionLabel } from './mention.matcher';

@ObjectType({ description: "An entity named in a review's text and linked in the graph." })
export class Mention {
  @Field({ description: 'The words in the text that name it.' })
  text!: string;

  /** Resolved to the entity by Mention.entity. */
  entityId!: string;
  label!: MentionLabel;
}
