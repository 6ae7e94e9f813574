import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'Someone credited on films: cast or crew, or both.' })
export class Person extends NamedNode {
  @Field(() => Int, { nullable: true, description: 'The year they were born, where known.' })
  birthYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'The year they died; null while alive or unknown.' })
  deathYear!: number | null;

  @Field(() => Int, {
    description: "Prominence: for each film they have a credit on, its popularity (IMDb's votes) plus one, so votes count most and credits break ties. Search orders equal scores by it.",
  })
  popularity!: number;

  @Field(() => [String], { description: "What they are known for, in IMDb's words (actor, director, producer…), most prominent first." })
  professions!: string[];

  imdbId!: string | null;
  tmdbId!: string | null;
  wikidataId!: string | null;
}

export const PersonConnection = ConnectionType(Person, 'Person');
