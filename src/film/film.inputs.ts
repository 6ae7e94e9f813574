import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../common/order';

@InputType({ description: 'Conditions on films; a film must meet every one given.' })
export class FilmFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title or an alternative title.' })
  titleContains?: string | null;

  @Field(() => Int, { nullable: true, description: 'Released in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Released in this year or earlier.' })
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
registerEnumType(FilmOrderField, {
  name: 'FilmOrderField',
  description: 'What a list of films can be sorted by.',
  valuesConfig: {
    TITLE: { description: 'The title, ignoring case and diacritics.' },
    RELEASE_DATE: { description: 'The first release date.' },
    RUNTIME: { description: 'The running time.' },
  },
});

@InputType({ description: 'How to sort a list of films.' })
export class FilmOrder {
  @Field(() => FilmOrderField, { description: 'What to sort by.' })
  field!: FilmOrderField;

  @Field(() => OrderDirection, { nullable: true, description: 'ASC when not given.' })
  direction?: OrderDirection | null;
}
