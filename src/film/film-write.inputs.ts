import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/date.scalar';
import { UserError } from '../writes/write.types';
import { Film } from './film.type';

/** The fields every film input shares; a field left out stays as it is, an explicit null clears it. */
@InputType()
abstract class FilmFieldsInput {
  @Field(() => String, { nullable: true, description: 'The title in its original language, where it differs.' })
  originalTitle?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other titles it is known by (the whole list).' })
  alternativeTitles?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Its first release; sets the year too.' })
  releaseDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year of its first release, needed only without releaseDate; 1870 to five years ahead.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Running time in minutes, above 0.' })
  runtimeMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'A short summary of the story.' })
  overview?: string | null;

  @Field(() => [String], { nullable: true, description: 'Genre slugs (the whole list); an unknown one is a NOT_FOUND user error.' })
  genres?: string[] | null;
}

@InputType({ description: 'A new film. Its slug is made from the title and the year.' })
export class CreateFilmInput extends FilmFieldsInput {
  @Field({ description: 'The title it is released under; not empty, at most 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Its IMDb id (tt…); TAKEN when another film has it.' })
  imdbId?: string | null;

  @Field(() => String, { nullable: true, description: "A retried create with the same key answers the first create's film instead of making a second." })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Changes to a film: a field left out stays as it is, an explicit null clears it.' })
export class UpdateFilmInput extends FilmFieldsInput {
  @Field(() => ID, { description: 'The film to change.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Change it only if it is still at this version (STALE otherwise).' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'A new title; the film gets a new slug and the old one keeps leading to it.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Its IMDb id (tt…); TAKEN when another film has it.' })
  imdbId?: string | null;
}

@InputType({ description: 'Create the film whose IMDb id this is, or update the one that has it.' })
export class UpsertFilmInput extends FilmFieldsInput {
  @Field({ description: 'The IMDb id (tt…) that names the film.' })
  imdbId!: string;

  @Field({ description: 'Its title.' })
  title!: string;
}

@ObjectType({ description: 'What a film mutation did.' })
export class FilmPayload {
  @Field(() => Film, { nullable: true, description: 'The film as it is now; null when nothing was stored.' })
  film!: Film | null;

  @Field(() => [UserError], { description: 'Why nothing was stored, when it was not.' })
  userErrors!: UserError[];
}
