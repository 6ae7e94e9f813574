import { createHash } from 'node:crypto';
import { Write } from './write';
import { reject } from './user-error';

/**
 * Idempotent creates: a create retried with the same idempotencyKey (by the same actor, for the
 * same mutation) answers the first create's entity instead of making a second. The key is claimed
 * with MERGE on a unique property, so two retries racing each other wait for one another. The
 * input's digest is kept: the same key with a different input is a client bug, said as CONFLICT.
 */
export type Claim = { first: true } | { first: false; entityId: string | null };

export async function claimKey(write: Write, mutation: string, key: string, input: unknown): Promise<Claim> {
  const digest = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const [row] = await write.tx.run<{ first: boolean; entityId: string | null; digest: string }>(
    `MERGE (k:IdempotencyKey {key: $key})
     ON CREATE SET k.claiming = true, k.digest = $digest, k.at = $at
     WITH k, coalesce(k.claiming, false) AS first
     REMOVE k.claiming
     RETURN first, k.entityId AS entityId, k.digest AS digest`,
    { key: `${mutation}|${write.by.actor}|${key}`, digest, at: write.by.at },
  );
  if (row.first) return { first: true };
  if (row.digest !== digest) reject('CONFLICT', ['idempotencyKey'], `idempotencyKey "${key}" was already used for a different ${mutation} input`);
  return { first: false, entityId: row.entityId };
}

export async function settleKey(write: Write, mutation: string, key: string, entityId: string): Promise<void> {
  await write.tx.run(`MATCH (k:IdempotencyKey {key: $key}) SET k.entityId = $entityId`, { key: `${mutation}|${write.by.actor}|${key}`, entityId });
}
