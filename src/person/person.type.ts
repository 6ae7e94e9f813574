import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { EntityProperties, projectionOf } from '../common/projection';

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

/** A Person's stored properties, and what each of its fields reads (see EntityProperties). */
export const PERSON_PROPERTIES: EntityProperties = {
  entries: {
    id: '.id',
    slug: '.slug',
    name: '.name',
    birthYear: '.birthYear',
    deathYear: '.deathYear',
    professions: 'professions: coalesce(%.professions, [])',
    imdbId: '.imdbId',
    tmdbId: '.tmdbId',
    wikidataId: '.wikidataId',
  },
  reads: {
    __typename: [],
    id: ['id'],
    slug: ['slug'],
    name: ['name'],
    birthYear: ['birthYear'],
    deathYear: ['deathYear'],
    professions: ['professions'],
    externalIds: ['imdbId', 'tmdbId', 'wikidataId'],
    // Resolved through loaders and services keyed by the person's id.
    roles: [],
    collaborators: [],
    franchises: [],
    mentionedIn: [],
  },
};

/** The Person projection for the variable `name`, every stored property unless `properties` names fewer. */
export function personProjection(name: string, properties: readonly string[] | null = null): string {
  return projectionOf(PERSON_PROPERTIES, name, properties);
}

export const PersonConnection = ConnectionType(Person, 'Person');
