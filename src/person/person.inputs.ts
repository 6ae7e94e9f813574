import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Conditions on people.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  nameContains?: string | null;
}
