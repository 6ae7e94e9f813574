import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../writes/write.types';
import { Genre } from './genre.type';

@InputType({ description: 'A new genre. Its slug, made from the name, is what films name it by.' })
export class CreateGenreInput {
  @Field({ description: 'Its name; not empty, at most 300 characters, and no other genre\'s (TAKEN otherwise).' })
  name!: string;
}

@InputType({ description: 'Changes to a genre: a field left out stays as it is.' })
export class UpdateGenreInput {
  @Field(() => ID, { description: 'The genre to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if it is still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'A new name; the genre gets a new slug and the old one keeps leading to it.' })
  name?: string | null;
}

@ObjectType({ description: 'What a genre mutation did.' })
export class GenrePayload {
  @Field(() => Genre, { nullable: true, description: 'The genre as it is now; null when nothing was stored.' })
  genre!: Genre | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
