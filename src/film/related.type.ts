import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../model/roles';
import { Film } from './film.type';

/** The kinds of link that relate two films, in the order a film's reasons are listed. */
export const RELATED_REASON_KINDS = ['SAME_FRANCHISE', 'SHARED_CAST', 'SHARED_CREW', 'SHARED_GENRE'] as const;
export type RelatedReasonKind = (typeof RELATED_REASON_KINDS)[number];
export const RelatedReasonKind = enumOf(RELATED_REASON_KINDS);
registerEnumType(RelatedReasonKind, {
  name: 'RelatedReasonKind',
  description: 'What two related films share, and what it adds to the score.',
  valuesConfig: {
    SAME_FRANCHISE: { description: 'Both are filed under one franchise: 5 per franchise.' },
    SHARED_CAST: { description: 'A person in both casts: 2 per person.' },
    SHARED_CREW: { description: 'Another person who worked on both: 1.5 per person.' },
    SHARED_GENRE: { description: 'A genre of both: 0.5 per genre.' },
  },
});

@ObjectType({ description: 'Why a film is related: the kind of link and the entity it runs through (the franchise, the person, the genre).' })
export class RelatedReason {
  @Field(() => RelatedReasonKind, { description: 'The kind of link.' })
  kind!: RelatedReasonKind;

  /** The franchise, person or genre the link runs through; resolved by `via`. */
  viaId!: string;
  viaLabel!: 'Franchise' | 'Person' | 'Genre';
}

@ObjectType({ description: 'A film close to another one, with its score and the reasons behind it.' })
export class RelatedFilm {
  @Field(() => Film, { description: 'The related film.' })
  film!: Film;

  @Field(() => Float, { description: 'Higher is closer. Ties broken by title.' })
  score!: number;

  @Field(() => [RelatedReason], { description: 'Franchise first, then cast, crew and genres; within a kind by name.' })
  reasons!: RelatedReason[];

  filmId!: string;
}
