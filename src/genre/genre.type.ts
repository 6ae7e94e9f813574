import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node })
export class Genre implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;
}

