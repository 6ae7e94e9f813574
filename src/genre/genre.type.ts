import { ObjectType } from 'type-graphql';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A genre films are filed under, as IMDb names them (Action, Sci-Fi, …).' })
export class Genre extends NamedNode {}

