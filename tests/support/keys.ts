import { randomBytes } from 'node:crypto';
import { ApiKeyStore } from '../../src/auth/api-keys';
import { AccessRoleName } from '../../src/auth/viewer';
import { Database } from '../../src/db/database';

/**
 * The secret of a new API key on the suite's Neo4j, for tests that need valid credentials (bad
 * ones fail every request). Named apart per call, so files that do not wipe the graph never clash.
 */
export async function testKey(db: Database, role: AccessRoleName = 'EDITOR', name = 'test'): Promise<string> {
  const { secret } = await new ApiKeyStore(db).create(`${name}-${randomBytes(4).toString('hex')}`, role);
  return secret;
}
