import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Films two people share.' })
export class Collaboration {
  @Field(() => Int, { description: 'How many films they share.' })
  count!: number;

  /** Resolved to the other person and the shared films (newest first, undated last, then by title). */
  personId!: string;
  filmIds!: string[];
}
