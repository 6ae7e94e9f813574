import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../model/roles';
import { PATH_LINKS, PathLabel, PathLinkName } from './path-links';

export const PathLink = enumOf(PATH_LINKS);
export type PathLink = PathLinkName;
registerEnumType(PathLink, {
  name: 'PathLink',
  description: 'The kinds of link a path may run over.',
  valuesConfig: {
    CREDIT: { description: "person to film, through the person's role" },
    FRANCHISE: { description: 'film to franchise, franchise to the franchise it sits in' },
    CHARACTER: { description: 'person to the character their role plays, character to its franchise' },
    GENRE: { description: 'film to genre' },
  },
});

/** An entity along a path, with its stored properties when the path query read them. */
export interface PathNode {
  id: string;
  label: PathLabel;
  entity?: { id: string };
}

export enum PathDirection {
  FORWARD = 'FORWARD',
  BACKWARD = 'BACKWARD',
}
registerEnumType(PathDirection, {
  name: 'PathDirection',
  description: 'Which way a hop runs along the link it takes, as the graph stores the link.',
  valuesConfig: {
    FORWARD: { description: 'From the link\'s source to its target: a person to their film or character, a film to its franchise or genre, a character to its franchise, a franchise to the larger one it sits in.' },
    BACKWARD: { description: 'From the link\'s target back to its source: a film to a person who worked on it, a franchise to a film in it, and so on.' },
  },
});

@ObjectType({ description: 'One hop of a path: two entities, the kind of link between them and its direction, and the role that links a person to a film or to the character they play (null for franchise and genre hops).' })
export class PathStep {
  /** Resolved to entities by the step's `from` and `to`, and its role by `role`. */
  from!: PathNode;
  to!: PathNode;
  roleId!: string | null;

  @Field(() => PathLink, { description: 'The kind of link the hop takes: CREDIT (a person and a film), CHARACTER (a person and the character they play, or a character and its franchise), FRANCHISE or GENRE.' })
  link!: PathLink;

  @Field(() => PathDirection, {
    description: 'FORWARD when the link points from `from` to `to` (Len Wiseman —DIRECTOR→ Ballerina), BACKWARD when it points from `to` to `from` (Ballerina ←ACTOR— Keanu Reeves).',
  })
  direction!: PathDirection;
}

@ObjectType({ description: 'A path through the graph between two entities. Role nodes are not counted as hops: person → film → person has length 2.' })
export class GraphPath {
  @Field(() => Int, { description: 'How many hops: one fewer than the entities along it.' })
  length!: number;

  /** From the start entity to the end entity, inclusive; resolved to entities by `nodes`. */
  nodes!: PathNode[];

  @Field(() => [PathStep], { description: 'Each hop, in order, with the role behind it.' })
  steps!: PathStep[];
}
