import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../writes/write.types';
import { Role, RoleKind } from './role.type';

@InputType({ description: "A new credit: one person's part in one film." })
export class AddCreditInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => ID, { description: 'The person.' })
  person!: string;

  @Field(() => RoleKind, { description: 'What they did; a person holds one credit of a kind on a film (CONFLICT for a second).' })
  kind!: RoleKind;

  @Field(() => String, { nullable: true, description: "The job as credited, e.g. 'executive producer'." })
  job?: string | null;

  @Field(() => [String], { nullable: true, description: "Every job of the credit (a producer may be 'producer' and 'executive producer'); the first is `job`." })
  jobs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The characters played, as credited.' })
  characters?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A recurring character this role plays.' })
  character?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position in the cast (ACTOR and SELF), from 1; the roles at and after it move down one. Left out: after the last.' })
  billingOrder?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'False for uncredited work; true when left out.' })
  credited?: boolean | null;
}

@InputType({ description: 'Changes to a credit: a field left out stays as it is, an explicit null clears it.' })
export class UpdateCreditInput {
  @Field(() => ID, { description: 'The credit (Role) to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'The job as credited; replaces the jobs with this one.' })
  job?: string | null;

  @Field(() => [String], { nullable: true, description: 'Every job of the credit (the whole list); the first is `job`.' })
  jobs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'The characters played (the whole list).' })
  characters?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The recurring character this role plays; null for none.' })
  character?: string | null;

  @Field(() => Int, { nullable: true, description: 'A new place in the cast; the roles between the old place and the new move by one.' })
  billingOrder?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'False for uncredited work.' })
  credited?: boolean | null;
}

@ObjectType({ description: 'What a credit mutation did.' })
export class CreditPayload {
  @Field(() => Role, { nullable: true, description: 'The credit as it is now; null when nothing was stored.' })
  role!: Role | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
