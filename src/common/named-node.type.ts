import { Field, ID, ObjectType } from 'type-graphql';
import { Audited } from './audited.type';
import { Node } from './node.type';

/**
 * What people, franchises, characters and genres share: an id, a slug and a name. Not a GraphQL
 * type of the schema (nothing returns it, so it is not emitted); each subclass inherits these fields.
 */
@ObjectType()
export abstract class NamedNode extends Audited implements Node {
  @Field(() => ID, { description: 'Opaque and stable for the entity\'s life; node(id:) resolves it.' })
  id!: string;

  @Field({ description: 'Human-readable key, unique per type and stable once given (e.g. len-wiseman).' })
  slug!: string;

  @Field({ description: 'The name as credited or as it is best known.' })
  name!: string;
}
