import { Field, ID, InterfaceType } from 'type-graphql';
import { CHANGE_ID_PREFIX, labelOfId } from '../model/ids';

@InterfaceType({
  description: 'An entity with a stable, opaque, globally unique id that node(id:) resolves.',
  // Changes are nodes of the feed, not entities: their ids have a prefix of their own.
  resolveType: (value: { id: string }) => labelOfId(value.id) ?? (value.id.startsWith(CHANGE_ID_PREFIX) ? 'Change' : undefined),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque and stable for the entity\'s life; do not parse it.' })
  id!: string;
}
