import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { startTestApi, TestApi } from '../support/api';
import { codesOf } from '../http/support';
import { asViewer } from './support';

/** Tokens from an identity provider, checked against a shared secret or a JWKS file. */
const SECRET = 'a-shared-secret-for-the-test-suite-only-0123456789';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'reelgraph';
const VIEWER = '{ viewer { name role } }';

let api: TestApi;
let jwks: TestApi;
let signingKey: KeyLike;
let jwksDir: string;

beforeAll(async () => {
  api = await startTestApi({ auth: { jwtSecret: SECRET, jwtIssuer: ISSUER, jwtAudience: AUDIENCE } });
  const pair = await generateKeyPair('ES256');
  signingKey = pair.privateKey;
  jwksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-jwks-'));
  const file = path.join(jwksDir, 'jwks.json');
  fs.writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' }] }));
  jwks = await startTestApi({ auth: { jwtJwksFile: file, jwtRoleClaim: 'https://reelgraph.test/roles', jwtNameClaim: 'email' } }, api.db);
});
afterAll(async () => {
  await jwks.app.stop();
  await api.close();
  fs.rmSync(jwksDir, { recursive: true, force: true });
});

function token(claims: Record<string, unknown>, options: { secret?: string; issuer?: string; audience?: string; expires?: string | number } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('ana@studio.test')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('a JWT signed with JWT_SECRET (HS256)', () => {
  it('makes the viewer its sub, with the role its role claim names', async () => {
    const answer = await asViewer(api, VIEWER, await token({ role: 'editor' }));
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ viewer: { name: 'ana@studio.test', role: 'EDITOR' } });
  });

  it('takes the highest role of a list, in any case, and READER for none it knows', async () => {
    expect((await asViewer(api, VIEWER, await token({ role: ['reader', 'Admin', 'editor'] }))).body.data.viewer.role).toBe('ADMIN');
    expect((await asViewer(api, VIEWER, await token({ role: 'owner' }))).body.data.viewer.role).toBe('READER');
    expect((await asViewer(api, VIEWER, await token({}))).body.data.viewer.role).toBe('READER');
  });

  it.each([
    ['expired', () => token({ role: 'admin' }, { expires: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['signed with another secret', () => token({ role: 'admin' }, { secret: 'another-secret-of-the-same-length-0123456789ab' }), /signature/],
    ['from another issuer', () => token({ role: 'admin' }, { issuer: 'https://elsewhere.test/' }), /"iss"/],
    ['for another audience', () => token({ role: 'admin' }, { audience: 'another-api' }), /"aud"/],
  ])('refuses a token %s as UNAUTHENTICATED', async (_case, make, reason) => {
    const jwt = await make();
    const answer = await asViewer(api, VIEWER, jwt);
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.errors[0].message).toMatch(reason);
    expect(JSON.stringify(answer.body)).not.toContain(jwt);
  });

  it('refuses a token that names another algorithm than HS256 (alg "none")', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', iss: ISSUER, aud: AUDIENCE })).toString('base64url')}.`;
    expect(codesOf(await asViewer(api, VIEWER, unsigned))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a JWT checked against JWT_JWKS_FILE', () => {
  function signed(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setIssuedAt().setExpirationTime('5m').sign(signingKey);
  }

  it('is accepted when signed by a key of the set, with the configured role and name claims', async () => {
    const answer = await asViewer(jwks, VIEWER, await signed({ email: 'bo@studio.test', 'https://reelgraph.test/roles': ['editor'] }));
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ viewer: { name: 'bo@studio.test', role: 'EDITOR' } });
  });

  it('refuses one signed by a key not in the set', async () => {
    const stranger = await generateKeyPair('ES256');
    const jwt = await new SignJWT({ email: 'eve@elsewhere.test' }).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setExpirationTime('5m').sign(stranger.privateKey);
    expect(codesOf(await asViewer(jwks, VIEWER, jwt))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an HS256 token on a server that takes none', async () => {
    expect(codesOf(await asViewer(jwks, VIEWER, await token({ role: 'admin' })))).toEqual(['UNAUTHENTICATED']);
  });
});
