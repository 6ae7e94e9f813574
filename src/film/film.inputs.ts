import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order';

@InputType()
export class FilmFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title or an alternative title.' })
  titleContains?: string | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => [String], { nullable: true, description: 'Genre slugs; a film must have all of them.' })
  genres?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Franchise slug.' })
  franchise?: string | null;

  @Field(() => String, { nullable: true, description: 'Person slug: films this person has any role in.' })
  person?: string | null;
}

export enum FilmOrderField {
  TITLE = 'TITLE',
  RELEASE_DATE = 'RELEASE_DATE',
  RUNTIME = 'RUNTIME',
}
registerEnumType(FilmOrderField, { name: 'FilmOrderField' });

@InputType()
export class FilmOrder {
  @Field(() => FilmOrderField)
  field!: FilmOrderField;

  @Field(() => OrderDirection, { nullable: true })
  direction?: OrderDirection | null;
}
