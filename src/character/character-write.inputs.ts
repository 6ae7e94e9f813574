import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../writes/write.types';
import { Character } from './character.type';

@InputType({ description: 'A new recurring character. Its slug is made from the name.' })
export class CreateCharacterInput {
  @Field({ description: 'Its name; not empty, at most 300 characters.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The franchise it belongs to; none when left out.' })
  franchise?: string | null;
}

@InputType({ description: 'Changes to a character: a field left out stays as it is, an explicit null clears it.' })
export class UpdateCharacterInput {
  @Field(() => ID, { description: 'The character to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if it is still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'A new name; the character gets a new slug and the old one keeps leading to it.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'The franchise it belongs to; null for none.' })
  franchise?: string | null;
}

@ObjectType({ description: 'What a character mutation did.' })
export class CharacterPayload {
  @Field(() => Character, { nullable: true, description: 'The character as it is now; null when nothing was stored.' })
  character!: Character | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
