import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node })
export class Person extends NamedNode {
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
