import { requireRole } from '../auth/guard';
import type { Context } from '../server/context';
import { UserError } from './user-error';
import { inWrite, Outcome, Write } from './write';

/**
 * A mutation from the request's point of view: its credentials must carry `role` (else a GraphQL
 * error, UNAUTHENTICATED or FORBIDDEN), then the work runs in one write transaction, written down
 * in the change feed under the credentials' name.
 */
export async function mutate<T>(context: Context, role: 'EDITOR' | 'ADMIN', work: (write: Write) => Promise<T>): Promise<Outcome<T>> {
  const viewer = await requireRole(context, role);
  return inWrite(context.db, viewer.name ?? viewer.via, work);
}

/** An input object as the writes take it: the fields given, left-out ones absent (undefined), explicit nulls kept. */
export function given<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as T;
}

/** A payload holding the entity the mutation wrote (read once it has committed), or its user errors. */
export async function payloadOf<E, K extends string>(
  outcome: Outcome<string | null>,
  key: K,
  load: (id: string) => Promise<E | null>,
): Promise<{ [P in K]: E | null } & { userErrors: UserError[] }> {
  if (!outcome.ok) return { [key]: null, userErrors: outcome.userErrors } as { [P in K]: E | null } & { userErrors: UserError[] };
  const entity = outcome.value ? await load(outcome.value) : null;
  return { [key]: entity, userErrors: [] } as { [P in K]: E | null } & { userErrors: UserError[] };
}

export function deletePayload(outcome: Outcome<string>): { deletedId: string | null; userErrors: UserError[] } {
  return outcome.ok ? { deletedId: outcome.value, userErrors: [] } : { deletedId: null, userErrors: outcome.userErrors };
}
