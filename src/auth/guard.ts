import { forbidden, unauthenticated } from '../common/errors';
import type { Context } from '../server/context';
import { AccessRoleName, hasRole, Viewer } from './viewer';

export type { Viewer } from './viewer';

/**
 * The first thing every mutation does: the request's viewer when its role is at least `role`,
 * else an UNAUTHENTICATED error (no credentials, or bad ones) or a FORBIDDEN one (a role too low).
 * Writes never run anonymously, even where anonymous reads are allowed.
 */
export async function requireRole(context: Pick<Context, 'viewer'>, role: Exclude<AccessRoleName, 'READER'>): Promise<Viewer> {
  const viewer = await context.viewer();
  if (viewer.via === 'anonymous') throw unauthenticated(`This needs the ${role} role: send 'Authorization: Bearer <API key or JWT>'`);
  if (!hasRole(viewer.role, role)) {
    const whose = viewer.via === 'key' ? `the key '${viewer.name}'` : viewer.name ? `the token of '${viewer.name}'` : 'the token';
    throw forbidden(`This needs the ${role} role; ${whose} has ${viewer.role}`, role, viewer.role);
  }
  return viewer;
}
