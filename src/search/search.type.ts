import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.type';

export enum SearchType {
  FILM = 'FILM',
  PERSON = 'PERSON',
  FRANCHISE = 'FRANCHISE',
  CHARACTER = 'CHARACTER',
  GENRE = 'GENRE',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'The kinds of entity search finds.',
  valuesConfig: {
    FILM: { description: 'Films, by title or alternative title.' },
    PERSON: { description: 'People, by name.' },
    FRANCHISE: { description: 'Franchises, by name.' },
    CHARACTER: { description: 'Recurring characters, by name.' },
    GENRE: { description: 'Genres, by name.' },
  },
});

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => Node, { description: 'The film, person, franchise, character or genre found.' })
  entity!: { id: string };

  @Field(() => Float, { description: 'Relevance; higher is better. Hits come best first.' })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The name the query matched: the film's title or one of its alternative titles (Ballerina found as 'From the World of John Wick: Ballerina'), or the person's, franchise's, character's or genre's name. Show it when it is not the primary title. Null in the rare case no name matches word for word.",
  })
  matchedName!: string | null;
}
