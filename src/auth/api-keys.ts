import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Database } from '../db/database';
import { DatabaseError } from '../db/errors';
import { AccessRoleName } from './viewer';

/**
 * API keys, stored in the graph as (:ApiKey {keyId, name, role, digest, createdAt, revokedAt}).
 * A secret reads `rg_<keyId>_<random>`: the keyId picks the key by a unique index, and the
 * SHA-256 digest of the whole secret is compared in constant time. The random part is 256 bits
 * from the OS, so a fast hash is enough: nothing short of brute-forcing 2^256 recovers it from
 * the digest, and a slow password hash would only add work to every authenticated request.
 * The plain secret is shown once, when made, and stored nowhere.
 */
export interface ApiKey {
  name: string;
  role: AccessRoleName;
  /** ISO-8601 instants. */
  createdAt: string;
  revokedAt: string | null;
}

export const MAX_KEY_NAME_LENGTH = 100;
const SECRET_SHAPE = /^rg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
// Compared against when no key has the id, so an unknown id costs the same work as a wrong secret.
const NO_DIGEST = Buffer.alloc(32);

/** Whether a credential is shaped like an API key (rather than a JWT). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('rg_');
}

/** A failure the key's owner can fix: a bad or taken name, an unknown key. The CLI prints its message. */
export class ApiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiKeyError';
  }
}

function digestOf(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new ApiKeyError('A key needs a name: who or what will use it, e.g. "catalogue-editor"');
  if (trimmed.length > MAX_KEY_NAME_LENGTH) throw new ApiKeyError(`A key's name is at most ${MAX_KEY_NAME_LENGTH} characters; got ${trimmed.length}`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new ApiKeyError("A key's name may not hold control characters");
  return trimmed;
}

export class ApiKeyStore {
  constructor(private readonly db: Database) {}

  /** Makes a key and answers its secret, the only time it is ever seen. */
  async create(name: string, role: AccessRoleName): Promise<{ key: ApiKey; secret: string }> {
    const checked = checkedName(name);
    const keyId = randomBytes(8).toString('hex');
    const secret = `rg_${keyId}_${randomBytes(32).toString('base64url')}`;
    try {
      const [row] = await this.db.write<{ key: ApiKey }>(
        `CREATE (k:ApiKey {keyId: $keyId, name: $name, role: $role, digest: $digest, createdAt: datetime()})
         RETURN k {.name, .role, createdAt: toString(k.createdAt), revokedAt: null} AS key`,
        { keyId, name: checked, role, digest: digestOf(secret).toString('base64url') },
      );
      return { key: row.key, secret };
    } catch (error) {
      // The unique name constraint says so even when two creates race.
      if (error instanceof DatabaseError && error.kind === 'conflict') throw new ApiKeyError(`A key named '${checked}' exists already; pick another name (or revoke that one and choose a new name)`);
      throw error;
    }
  }

  /** Every key, revoked ones too, oldest first; never a secret or its digest. */
  list(): Promise<ApiKey[]> {
    return this.db.read<ApiKey>(
      `MATCH (k:ApiKey)
       RETURN k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
       ORDER BY k.createdAt, k.name`,
    );
  }

  /** Revokes the key named `name` for good; it stops working on the next request. */
  async revoke(name: string): Promise<ApiKey> {
    const [row] = await this.db.write<{ key: ApiKey }>(
      `MATCH (k:ApiKey {name: $name})
       SET k.revokedAt = coalesce(k.revokedAt, datetime())
       RETURN k {.name, .role, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt)} AS key`,
      { name: name.trim() },
    );
    if (!row) throw new ApiKeyError(`No key is named '${name.trim()}' (npm run keys -- list shows them)`);
    return row.key;
  }

  /**
   * The live key a secret belongs to; null for a malformed, unknown, wrong or revoked one. Read on
   * every call, never cached, so a revoke takes effect on the next request.
   */
  async find(secret: string): Promise<ApiKey | null> {
    const shape = SECRET_SHAPE.exec(secret);
    if (!shape) return null;
    const [row] = await this.db.read<ApiKey & { digest: string }>(
      `MATCH (k:ApiKey {keyId: $keyId})
       RETURN k.name AS name, k.role AS role, k.digest AS digest, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt`,
      { keyId: shape[1] },
    );
    const stored = row ? Buffer.from(row.digest, 'base64url') : NO_DIGEST;
    const matches = stored.length === NO_DIGEST.length && timingSafeEqual(stored, digestOf(secret));
    if (!row || !matches || row.revokedAt !== null) return null;
    return { name: row.name, role: row.role, createdAt: row.createdAt, revokedAt: null };
  }
}
