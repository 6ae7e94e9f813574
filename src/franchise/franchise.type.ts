import type { Film } from '../film/film.type';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { NamedNode } from '../common/named-node.type';
import { Node } from '../common/node.type';
import { enumOf, FRANCHISE_ENTRY_KINDS, FranchiseEntryKindName } from '../model/roles';

export enum FranchiseOrder {
  RELEASE = 'RELEASE',
  CHRONOLOGICAL = 'CHRONOLOGICAL',
}
registerEnumType(FranchiseOrder, {
  name: 'FranchiseOrder',
  description: "The order of a franchise's films.",
  valuesConfig: {
    RELEASE: { description: 'By release date; undated films last.' },
    CHRONOLOGICAL: { description: "By the story's own timeline; films with no known place keep their release order, after the others." },
  },
});

export const FranchiseEntryKind = enumOf(FRANCHISE_ENTRY_KINDS);
export type FranchiseEntryKind = FranchiseEntryKindName;
registerEnumType(FranchiseEntryKind, {
  name: 'FranchiseEntryKind',
  description: 'What a film is to its franchise.',
  valuesConfig: {
    MAIN: { description: 'A film of the main line (John Wick: Chapter 4).' },
    SPIN_OFF: { description: 'A film that branches off it (Ballerina).' },
    OTHER: { description: 'Anything else filed under it: a short, a special, a reboot outside the line.' },
  },
});

@ObjectType({ implements: Node, description: 'A franchise, series or shared universe; may sit inside a larger one.' })
export class Franchise extends NamedNode {
  @Field(() => String, { nullable: true, description: 'A few words on what the franchise is.' })
  description!: string | null;
}

@ObjectType({ description: "A film's place in a franchise." })
export class FranchiseEntry {
  @Field(() => FranchiseEntryKind, { description: 'A main-line film, a spin-off or something else.' })
  kind!: FranchiseEntryKind;

  @Field(() => Int, { nullable: true, description: '1-based position by release date.' })
  releaseOrder!: number | null;

  @Field(() => Int, { nullable: true, description: "1-based position in the story's timeline, where known." })
  chronologicalOrder!: number | null;

  franchiseId!: string;
  filmId!: string;
  /** The entry's film and franchise when a page query fetched them whole with it (see Role.person). */
  film?: Film;
  franchise?: Franchise;
}


export const FranchiseConnection = ConnectionType(Franchise, 'Franchise');
