import { Label } from '../model/graph';

/** The kinds of link a path may run over (the PathLink enum is made from this list). */
export const PATH_LINKS = ['CREDIT', 'FRANCHISE', 'CHARACTER', 'GENRE'] as const;
export type PathLinkName = (typeof PATH_LINKS)[number];

/** The entities a path may start at, end at and pass through (Role nodes only sit inside hops). */
export const PATH_LABELS = ['Person', 'Film', 'Franchise', 'Character', 'Genre'] as const satisfies readonly Label[];
export type PathLabel = (typeof PATH_LABELS)[number];

/**
 * The kind of link between two neighbours on a path, and which of them it points from as stored
 * (a person to the film they worked on or the character they play, a film to its franchise or
 * genre, a character to its franchise, a franchise to the larger one it sits in). Two franchises
 * need the graph to say which is the larger: `partOf` tells whether `a` sits in `b`.
 */
export function linkBetween(a: PathLabel, b: PathLabel, partOf: () => boolean): { link: PathLinkName; forward: boolean } {
  const pair = `${a}-${b}`;
  const links: Record<string, [PathLinkName, boolean]> = {
    'Person-Film': ['CREDIT', true],
    'Film-Person': ['CREDIT', false],
    'Person-Character': ['CHARACTER', true],
    'Character-Person': ['CHARACTER', false],
    'Character-Franchise': ['CHARACTER', true],
    'Franchise-Character': ['CHARACTER', false],
    'Film-Franchise': ['FRANCHISE', true],
    'Franchise-Film': ['FRANCHISE', false],
    'Film-Genre': ['GENRE', true],
    'Genre-Film': ['GENRE', false],
  };
  if (pair === 'Franchise-Franchise') return { link: 'FRANCHISE', forward: partOf() };
  const [link, forward] = links[pair] ?? ['CREDIT', true];
  return { link, forward };
}
