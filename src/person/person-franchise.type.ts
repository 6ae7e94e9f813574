import { Field, ObjectType } from 'type-graphql';
import { RoleKind } from '../role/role.type';

@ObjectType({ description: 'A franchise a person worked on, and how (director-to-franchise, actor-to-franchise, …).' })
export class PersonFranchise {
  @Field(() => [RoleKind], { description: "The kinds of the person's roles on the franchise's films." })
  kinds!: RoleKind[];

  /** Resolved to the franchise and its films the person worked on (in release order, undated last). */
  franchiseId!: string;
  filmIds!: string[];
}
