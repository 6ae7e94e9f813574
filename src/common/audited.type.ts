import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar';

/**
 * What every entity says of its writes. Not a type of the schema itself (nothing returns it);
 * each entity type inherits these fields.
 */
@ObjectType()
export abstract class Audited {
  @Field(() => Int, { description: 'Starts at 1 and grows by one with every write to it; pass it as expectedVersion to make a write conditional.' })
  version!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was first stored.' })
  createdAt!: string | null;

  @Field(() => String, { nullable: true, description: "Who stored it: an API key's name, or seed, import:imdb, import:json." })
  createdBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last changed.' })
  updatedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who changed it last.' })
  updatedBy!: string | null;
}
