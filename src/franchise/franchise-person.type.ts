import { Field, ObjectType } from 'type-graphql';
import type { Film } from '../film/film.type';
import { RoleKind } from '../role/role.type';

@ObjectType({ description: 'A person who worked on a franchise, and how.' })
export class FranchisePerson {
  @Field(() => [RoleKind], { description: "The kinds of the person's roles on the franchise's films." })
  kinds!: RoleKind[];

  /** Resolved to the person and their films there (in release order, undated last). */
  personId!: string;
  filmIds!: string[];
  /** The films themselves, when the franchise page fetched them with the entries. */
  films?: Film[];
}
