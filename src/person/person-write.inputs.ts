import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../writes/write.types';
import { Person } from './person.type';

/** The fields every person input shares; a field left out stays as it is, an explicit null clears it. */
@InputType()
abstract class PersonFieldsInput {
  @Field(() => Int, { nullable: true, description: 'Year of birth.' })
  birthYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of death; not before the year of birth.' })
  deathYear?: number | null;

  @Field(() => [String], { nullable: true, description: "What they do, as IMDb lists it (e.g. 'director'); the whole list." })
  professions?: string[] | null;
}

@InputType({ description: 'A new person. Their slug is made from the name.' })
export class CreatePersonInput extends PersonFieldsInput {
  @Field({ description: 'The name as credited; not empty, at most 300 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their IMDb id (nm…); TAKEN when another person has it.' })
  imdbId?: string | null;

  @Field(() => String, { nullable: true, description: "A retried create with the same key answers the first create's person instead of making a second." })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Changes to a person: a field left out stays as it is, an explicit null clears it.' })
export class UpdatePersonInput extends PersonFieldsInput {
  @Field(() => ID, { description: 'The person to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change them only if still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'A new name; a new slug comes with it and the old one keeps leading to them.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Their IMDb id (nm…); TAKEN when another person has it.' })
  imdbId?: string | null;
}

@InputType({ description: 'Create the person whose IMDb id this is, or update the one that has it.' })
export class UpsertPersonInput extends PersonFieldsInput {
  @Field({ description: 'The IMDb id (nm…) that names the person.' })
  imdbId!: string;

  @Field({ description: 'Their name.' })
  name!: string;
}

@ObjectType({ description: 'What a person mutation did.' })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The person as they are now; null when nothing was stored.' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
