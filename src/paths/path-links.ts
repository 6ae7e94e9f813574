import { Label } from '../model/graph';

/** The kinds of link a path may run over (the PathLink enum is made from this list). */
export const PATH_LINKS = ['CREDIT', 'FRANCHISE', 'CHARACTER', 'GENRE'] as const;
export type PathLinkName = (typeof PATH_LINKS)[number];

/** The entities a path may start at, end at and pass through (Role nodes only sit inside hops). */
export const PATH_LABELS = ['Person', 'Film', 'Franchise', 'Character', 'Genre'] as const satisfies readonly Label[];
export type PathLabel = (typeof PATH_LABELS)[number];
