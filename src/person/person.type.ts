import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node })
export class Person implements Node {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => Int, { nullable: true })
  birthYear!: number | null;

  @Field(() => Int, { nullable: true })
  deathYear!: number | null;

  @Field(() => [String])
  professions!: string[];

  imdbId!: string | null;
  tmdbId!: string | null;
  wikidataId!: string | null;
}

export const PersonConnection = ConnectionType(Person, 'Person');
