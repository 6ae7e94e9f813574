import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.type';
import { Film } from '../film/film.type';
import { Franchise } from '../franchise/franchise.type';
import { Person } from '../person/person.type';
import { Role, RoleKind } from '../role/role.type';

/** The knowledge-graph answers: plain ids from the services, resolved to entities by loaders. */

@ObjectType({ description: 'Films two people share.' })
export class Collaboration {
  @Field(() => Person)
  person!: Person;

  @Field(() => Int, { description: 'How many films they share.' })
  count!: number;

  @Field(() => [Film], { description: 'The shared films, newest first.' })
  films!: Film[];
}

@ObjectType({ description: 'A franchise a person worked on, and how (director-to-franchise, actor-to-franchise, …).' })
export class PersonFranchise {
  @Field(() => Franchise)
  franchise!: Franchise;

  @Field(() => [RoleKind])
  kinds!: RoleKind[];

  @Field(() => [Film])
  films!: Film[];
}

@ObjectType({ description: 'A person who worked on a franchise, and how.' })
export class FranchisePerson {
  @Field(() => Person)
  person!: Person;

  @Field(() => [RoleKind])
  kinds!: RoleKind[];

  @Field(() => [Film])
  films!: Film[];
}

export enum RelatedReasonKind {
  SAME_FRANCHISE = 'SAME_FRANCHISE',
  SHARED_CAST = 'SHARED_CAST',
  SHARED_CREW = 'SHARED_CREW',
  SHARED_GENRE = 'SHARED_GENRE',
}
registerEnumType(RelatedReasonKind, { name: 'RelatedReasonKind' });

@ObjectType({ description: 'Why a film is related: the kind of link and the entity it runs through (the franchise, the person, the genre).' })
export class RelatedReason {
  @Field(() => RelatedReasonKind)
  kind!: RelatedReasonKind;

  @Field(() => Node)
  via!: Node;
}

@ObjectType()
export class RelatedFilm {
  @Field(() => Film)
  film!: Film;

  @Field(() => Float, { description: 'Higher is closer. Ties broken by title.' })
  score!: number;

  @Field(() => [RelatedReason])
  reasons!: RelatedReason[];
}

export enum PathLink {
  CREDIT = 'CREDIT',
  FRANCHISE = 'FRANCHISE',
  CHARACTER = 'CHARACTER',
  GENRE = 'GENRE',
}
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

@ObjectType({ description: 'One hop of a path: two entities and the role that links them (null for franchise, genre and character hops).' })
export class PathStep {
  @Field(() => Node)
  from!: Node;

  @Field(() => Node)
  to!: Node;

  @Field(() => Role, { nullable: true })
  role!: Role | null;
}

@ObjectType({ description: 'A path through the graph between two entities. Role nodes are not counted as hops: person → film → person has length 2.' })
export class GraphPath {
  @Field(() => Int)
  length!: number;

  @Field(() => [Node], { description: 'From the start entity to the end entity, inclusive.' })
  nodes!: Node[];

  @Field(() => [PathStep])
  steps!: PathStep[];
}

@ObjectType({ description: "An entity named in a review's text and linked in the graph." })
export class Mention {
  @Field(() => Node)
  entity!: Node;

  @Field({ description: 'The words in the text that name it.' })
  text!: string;
}
