import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A fictional character that can recur across films and be played by several people.' })
export class Character implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;
}

