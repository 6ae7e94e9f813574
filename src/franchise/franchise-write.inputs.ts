import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../writes/write.types';
import { Franchise, FranchiseEntry, FranchiseEntryKind } from './franchise.type';

@InputType({ description: 'A new franchise. Its slug is made from the name.' })
export class CreateFranchiseInput {
  @Field({ description: 'Its name; not empty, at most 300 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A few words on what the franchise is; at most 2000 characters.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The larger franchise it sits inside (Deadpool in X-Men); top-level when left out.' })
  parent?: string | null;
}

@InputType({ description: 'Changes to a franchise: a field left out stays as it is, an explicit null clears it.' })
export class UpdateFranchiseInput {
  @Field(() => ID, { description: 'The franchise to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if it is still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'A new name; the franchise gets a new slug and the old one keeps leading to it.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A few words on what the franchise is.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The franchise to nest it inside; null makes it top-level. The franchise itself or one inside it is a CONFLICT.',
  })
  parent?: string | null;
}

@InputType({ description: "A film's entry in a franchise: made when the film has none there, changed when it has one." })
export class SetFranchiseEntryInput {
  @Field(() => ID, { description: 'The franchise.' })
  franchise!: string;

  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => FranchiseEntryKind, { description: 'A main-line film, a spin-off or something else.' })
  kind!: FranchiseEntryKind;

  @Field(() => Int, {
    nullable: true,
    description:
      "1-based position in the story's timeline; the entries at and after it move down one. Past the last it becomes the last; null takes the entry's place away; left out, the entry keeps its place (a new one has none).",
  })
  chronologicalOrder?: number | null;
}

@InputType({ description: 'Which film to take out of which franchise.' })
export class RemoveFranchiseEntryInput {
  @Field(() => ID, { description: 'The franchise.' })
  franchise!: string;

  @Field(() => ID, { description: 'The film; NOT_FOUND when it is not filed in the franchise.' })
  film!: string;
}

@ObjectType({ description: 'What a franchise mutation did.' })
export class FranchisePayload {
  @Field(() => Franchise, { nullable: true, description: 'The franchise as it is now; null when nothing was stored.' })
  franchise!: Franchise | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'What setFranchiseEntry did.' })
export class FranchiseEntryPayload {
  @Field(() => FranchiseEntry, { nullable: true, description: 'The entry as it is now; null when nothing was stored.' })
  entry!: FranchiseEntry | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
