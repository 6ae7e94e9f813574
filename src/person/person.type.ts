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

export function personProjection(name: string): string {
  return `${name} {.id, .slug, .name, .birthYear, .deathYear, professions: coalesce(${name}.professions, []), .imdbId, .tmdbId, .wikidataId}`;
}

export const PersonConnection = ConnectionType(Person, 'Person');
