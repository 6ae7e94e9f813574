import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JwtVerifier } from '../../src/auth/jwt';
import { DEFAULT_AUTH, loadConfig } from '../../src/config';

/** The auth settings as read from the environment: defaults that need nothing set, and clear start-up errors. */
describe('auth settings', () => {
  it('need nothing set: public reads, no JWTs, role and sub claims', () => {
    expect(loadConfig({}).auth).toEqual({ ...DEFAULT_AUTH, jwtSecret: undefined, jwtJwksFile: undefined, jwtIssuer: undefined, jwtAudience: undefined });
  });

  it('read every variable', () => {
    const auth = loadConfig({
      REELGRAPH_PUBLIC_READ: 'FALSE',
      JWT_SECRET: 's'.repeat(32),
      JWT_ISSUER: 'https://id.example.test/',
      JWT_AUDIENCE: 'reelgraph',
      JWT_ROLE_CLAIM: 'groups',
      JWT_NAME_CLAIM: 'email',
    }).auth;
    expect(auth).toEqual({ publicRead: false, jwtSecret: 's'.repeat(32), jwtJwksFile: undefined, jwtIssuer: 'https://id.example.test/', jwtAudience: 'reelgraph', jwtRoleClaim: 'groups', jwtNameClaim: 'email' });
  });

  it.each([
    [{ REELGRAPH_PUBLIC_READ: 'no' }, /REELGRAPH_PUBLIC_READ must be true or false; got "no"/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 bytes/],
    [{ JWT_SECRET: 's'.repeat(32), JWT_JWKS_FILE: __filename }, /not both/],
    [{ JWT_JWKS_FILE: '/no/such/jwks.json' }, /JWT_JWKS_FILE names no file/],
  ])('refuse %j at start-up', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuse a JWKS file that holds no key set', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-jwks-')), 'jwks.json');
    fs.writeFileSync(file, '{"keys": "none"}');
    expect(() => JwtVerifier.fromConfig({ ...DEFAULT_AUTH, jwtJwksFile: file })).toThrow(/not a JSON Web Key Set/);
    fs.writeFileSync(file, 'not json');
    expect(() => JwtVerifier.fromConfig({ ...DEFAULT_AUTH, jwtJwksFile: file })).toThrow(/not a readable JSON file/);
  });
});
