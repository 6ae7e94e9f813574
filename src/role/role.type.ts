import type { Character } from '../character/character.type';
import type { Film } from '../film/film.type';
import type { Person } from '../person/person.type';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { enumOf, ROLE_KINDS, RoleKindName } from '../model/roles';

/** The GraphQL enum of the model's role kinds (model/roles.ts); a value is its name. */
export const RoleKind = enumOf(ROLE_KINDS);
export type RoleKind = RoleKindName;
registerEnumType(RoleKind, {
  name: 'RoleKind',
  description: 'What a person did on a film. IMDb principal categories map onto these (actor and actress: ACTOR).',
  valuesConfig: {
    ACTOR: { description: 'Played a part (actor or actress).' },
    DIRECTOR: { description: 'Directed the film.' },
    WRITER: { description: 'Wrote it: the screenplay, the story, the characters it is based on.' },
    PRODUCER: { description: 'Produced it, as producer, executive producer or the like (`job` says which).' },
    CINEMATOGRAPHER: { description: 'Director of photography.' },
    COMPOSER: { description: 'Wrote the score.' },
    EDITOR: { description: 'Edited the film.' },
    PRODUCTION_DESIGNER: { description: 'Designed its sets and look.' },
    CASTING_DIRECTOR: { description: 'Cast it.' },
    STUNTS: { description: 'Stunt work: a double, a coordinator.' },
    SELF: { description: 'Appears as themselves (a documentary, a cameo).' },
    CREW: { description: 'Any other work on the film; `job` says what.' },
  },
});

@ObjectType({ implements: Node, description: "A credit: one person's part in one film. A node of its own in the graph." })
export class Role implements Node {
  @Field(() => ID, { description: "Opaque and stable for the credit's life; node(id:) resolves it." })
  id!: string;

  @Field(() => Int, { description: 'Starts at 1 and grows by one with every write to the credit (a billing move too); pass it as expectedVersion to make a write conditional. Who changed it and when is in the change feed.' })
  version!: number;

  @Field(() => RoleKind, { description: 'What the person did on the film.' })
  kind!: RoleKind;

  @Field(() => String, { nullable: true, description: "The credit as worded, e.g. 'screenplay', 'executive producer', 'stunt double'; the first of `jobs` when there are several." })
  job!: string | null;

  @Field(() => [String], { description: "Every job of the credit, in the order first given, e.g. ['producer', 'executive producer']; `job` is the first. IMDb may list one person several times under one kind on a film: those rows are this one credit." })
  jobs!: string[];

  @Field(() => [String], { description: 'Character names as credited (ACTOR and SELF roles).' })
  characters!: string[];

  @Field(() => Int, { nullable: true, description: 'Its place in the cast list (1 first); null for crew and unbilled cast.' })
  billingOrder!: number | null;

  @Field({ description: 'False for uncredited work.' })
  credited!: boolean;

  personId!: string;
  filmId!: string;
  characterId!: string | null;
  /** For ordering a film's credits: the person's name travels with the role. */
  personName!: string;
  /**
   * The role's person, film and character when a page query fetched them whole along with it
   * (undefined otherwise; a null character means the role plays none): the resolvers return them
   * as they are, without a loader round, so a page's nested fields resolve synchronously.
   */
  person?: Person;
  film?: Film;
  character?: Character | null;
}

export const RoleConnection = ConnectionType(Role, 'Role');
