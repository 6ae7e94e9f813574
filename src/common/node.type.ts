import { Field, ID, InterfaceType } from 'type-graphql';
import { labelOfId } from '../model/ids';

@InterfaceType({
  description: 'An entity with a stable, opaque, globally unique id that node(id:) resolves.',
  resolveType: (value: { id: string }) => labelOfId(value.id),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque and stable for the entity\'s life; do not parse it.' })
  id!: string;
}
