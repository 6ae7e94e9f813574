import { ObjectType } from 'type-graphql';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node })
export class Genre extends NamedNode {}

