import { isRoleKind, ROLE_KINDS, RoleKindName } from '../model/roles';
import { badInput } from './errors';

/** For lookups like film(id:, slug:, imdbId:): exactly one key, or a BAD_USER_INPUT naming them. */
export function exactlyOne<K extends string>(field: string, keys: Record<K, string | null | undefined>): [K, string] {
  const given = (Object.entries(keys) as [K, string | null | undefined][]).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 1) {
    const names = Object.keys(keys).join(', ');
    throw badInput(
      `${field}(…) takes exactly one of ${names}; got ${given.length === 0 ? 'none' : given.map(([k]) => k).join(' and ')}`,
    );
  }
  return given[0] as [K, string];
}

/** A kinds filter as the queries take it: null for "any kind"; unknown names are a user error. */
export function kindsFilter(kinds: readonly string[] | null | undefined, argument: string): RoleKindName[] | null {
  if (kinds === null || kinds === undefined) return null;
  const unknown = kinds.filter((kind) => !isRoleKind(kind));
  if (unknown.length > 0) throw badInput(`${argument} takes RoleKind values (${ROLE_KINDS.join(', ')}); got ${unknown.join(', ')}`, argument);
  return [...kinds] as RoleKindName[];
}
