/**
 * What a person can do on a film, and how a film's place in a franchise is filed. The GraphQL
 * enums, the native format's checks, the IMDb mapping and every query take these lists from here.
 */
export const ROLE_KINDS = [
  'ACTOR',
  'DIRECTOR',
  'WRITER',
  'PRODUCER',
  'CINEMATOGRAPHER',
  'COMPOSER',
  'EDITOR',
  'PRODUCTION_DESIGNER',
  'CASTING_DIRECTOR',
  'STUNTS',
  'SELF',
  'CREW',
] as const;
export type RoleKindName = (typeof ROLE_KINDS)[number];

/** The cast of a film: people on screen (as a character or as themselves); everyone else is crew. */
export const CAST_KINDS: readonly RoleKindName[] = ['ACTOR', 'SELF'];

export function isCast(kind: RoleKindName): boolean {
  return CAST_KINDS.includes(kind);
}

/** Crew order on a film page: directors first, then the list's order. */
export const CREW_ORDER: readonly RoleKindName[] = ROLE_KINDS.filter((kind) => !isCast(kind));

export function isRoleKind(value: string): value is RoleKindName {
  return (ROLE_KINDS as readonly string[]).includes(value);
}

/** Kinds as they are listed wherever a person's kinds are shown: once each, in ROLE_KINDS order. */
export function sortKinds(kinds: readonly string[]): RoleKindName[] {
  const order = (kind: string) => (ROLE_KINDS as readonly string[]).indexOf(kind);
  return [...new Set(kinds)].sort((a, b) => order(a) - order(b)) as RoleKindName[];
}

export const FRANCHISE_ENTRY_KINDS = ['MAIN', 'SPIN_OFF', 'OTHER'] as const;
export type FranchiseEntryKindName = (typeof FRANCHISE_ENTRY_KINDS)[number];

/**
 * A GraphQL enum object for one of these lists (`{ ACTOR: 'ACTOR', … }`), so the schema's enum is
 * made from the model's list rather than written out again.
 */
export function enumOf<const K extends string>(values: readonly K[]): { readonly [V in K]: V } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [V in K]: V };
}
