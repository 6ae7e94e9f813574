import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.type';

export enum SearchType {
  FILM = 'FILM',
  PERSON = 'PERSON',
  FRANCHISE = 'FRANCHISE',
  CHARACTER = 'CHARACTER',
  GENRE = 'GENRE',
}
registerEnumType(SearchType, { name: 'SearchType' });

@ObjectType()
export class SearchHit {
  @Field(() => Node)
  entity!: { id: string };

  @Field(() => Float, { description: 'Relevance; higher is better. Hits come best first.' })
  score!: number;
}
