import { badInput } from '../common/errors';
import { ROLE_KINDS, RoleKindName } from '../ingest/records';

/** The order kinds are listed in wherever a person's kinds are shown: the RoleKind enum's. */
export function sortKinds(kinds: readonly string[]): RoleKindName[] {
  const order = (kind: string) => (ROLE_KINDS as readonly string[]).indexOf(kind);
  return [...new Set(kinds)].sort((a, b) => order(a) - order(b)) as RoleKindName[];
}

/** A kinds filter as the queries take it: null for "any kind"; unknown names are a user error. */
export function kindsFilter(kinds: readonly string[] | null | undefined, argument: string): RoleKindName[] | null {
  if (kinds === null || kinds === undefined) return null;
  const unknown = kinds.filter((kind) => !(ROLE_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) throw badInput(`${argument} takes RoleKind values (${ROLE_KINDS.join(', ')}); got ${unknown.join(', ')}`, argument);
  return [...kinds] as RoleKindName[];
}

/** The contract's page bounds (at most 100 a page), kept here so services need no GraphQL types. */
export const MAX_LIST = 100;
export const DEFAULT_LIST = 20;

/** `first` for the plain lists these services return: 0 … 100, default 20. */
export function listSize(first: number | null | undefined, argument = 'first', fallback = DEFAULT_LIST): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_LIST) {
    throw badInput(`${argument} must be a whole number from 0 to ${MAX_LIST}; got ${first}`, argument);
  }
  return size;
}
