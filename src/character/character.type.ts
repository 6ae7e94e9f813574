import { ObjectType } from 'type-graphql';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A fictional character that can recur across films and be played by several people.' })
export class Character extends NamedNode {}

