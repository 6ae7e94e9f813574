/**
 * Who a request is, and what each access role may do. Kept apart from the GraphQL types so the
 * guard, the key store and the CLI share one list of roles.
 */
export const ACCESS_ROLES = ['READER', 'EDITOR', 'ADMIN'] as const;
export type AccessRoleName = (typeof ACCESS_ROLES)[number];

export interface Viewer {
  /** The API key's name or the JWT's name claim; null without credentials. */
  name: string | null;
  role: AccessRoleName;
  /** How the request proved who it is. */
  via: 'anonymous' | 'key' | 'jwt';
}

export const ANONYMOUS: Viewer = Object.freeze({ name: null, role: 'READER', via: 'anonymous' });

/** Whether `role` may do what `needed` may: each role may do all the roles below it may. */
export function hasRole(role: AccessRoleName, needed: AccessRoleName): boolean {
  return ACCESS_ROLES.indexOf(role) >= ACCESS_ROLES.indexOf(needed);
}

/** A role from its spelling in a JWT claim or on the command line (reader, Editor, ADMIN); undefined for any other. */
export function accessRoleOf(value: unknown): AccessRoleName | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return (ACCESS_ROLES as readonly string[]).includes(upper) ? (upper as AccessRoleName) : undefined;
}
