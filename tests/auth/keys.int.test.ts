import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { startApp } from '../../src/server/app';
import { makeLogger } from '../../src/server/observability/logger';
import { startTestApi, TestApi } from '../support/api';
import { countStatements } from '../support/neo4j';
import { codesOf } from '../http/support';
import { asViewer, cliEnv, createKey, deleteKeys, keysCli, lastLine } from './support';

/** The random part of a secret (rg_<key id>_<random>); base64url, so it may hold '_' itself. */
const randomPartOf = (secret: string) => secret.slice(secret.indexOf('_', 3) + 1);

/** API keys, made and revoked with `npm run keys` as an operator does, used over HTTP as a client does. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await deleteKeys(api.db);
});
afterAll(() => api.close());

const VIEWER = '{ viewer { name role } }';

describe('npm run keys', () => {
  it('prints the new secret alone on its last line, through npm and the build', async () => {
    // The real script: npm's banner and the build come first, and nothing may follow the secret.
    const { stdout } = await promisify(execFile)('npm', ['run', 'keys', '--', 'create', '--name', 'through-npm', '--role', 'editor'], {
      cwd: PROJECT_ROOT,
      env: cliEnv(),
    });
    expect(lastLine(stdout)).toMatch(/^rg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(dataOf(await asViewer(api, VIEWER, lastLine(stdout)))).toEqual({ viewer: { name: 'through-npm', role: 'EDITOR' } });
  });

  it('lists keys by name, role, creation and revocation, never with their secret', async () => {
    const secret = await createKey('catalogue-admin', 'admin');
    const listed = await keysCli('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^NAME\s+ROLE\s+CREATED\s+REVOKED$/m);
    expect(listed.stdout).toMatch(/^catalogue-admin\s+ADMIN\s+\d{4}-\d\d-\d\dT\S+\s+-$/m);
    expect(listed.stdout).not.toContain(secret);
    expect(listed.stdout).not.toContain(randomPartOf(secret));
  });

  it('stores a digest of the secret, never the secret or any part of its random half', async () => {
    const secret = await createKey('digest-check', 'editor');
    const [row] = await api.db.read<{ properties: Record<string, unknown> }>("MATCH (k:ApiKey {name: 'digest-check'}) RETURN properties(k) AS properties");
    const stored = Object.values(row.properties).map(String);
    expect(stored.length).toBeGreaterThan(0);
    for (const value of stored) {
      expect(value).not.toContain(secret);
      expect(value).not.toContain(randomPartOf(secret));
    }
  });

  it('refuses a second key of a name, an empty name and an unknown role, saying why', async () => {
    await createKey('taken-name', 'editor');
    const again = await keysCli('create', '--name', 'taken-name', '--role', 'admin');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/A key named 'taken-name' exists already/);
    const empty = await keysCli('create', '--name', '  ', '--role', 'editor');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/needs a name/);
    const long = await keysCli('create', '--name', 'x'.repeat(101), '--role', 'editor');
    expect(long.stderr).toMatch(/at most 100 characters/);
    const role = await keysCli('create', '--name', 'no-such-role', '--role', 'owner');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/--role must be editor, admin or reader; got "owner"/);
  });
});

describe('a key on a request', () => {
  it('makes the viewer its name and role, reading the key once per request', async () => {
    const secret = await createKey('viewer-editor', 'editor');
    const { result, count } = await countStatements(api.db, () => asViewer(api, '{ a: viewer { name role } b: viewer { role } }', secret));
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ a: { name: 'viewer-editor', role: 'EDITOR' }, b: { role: 'EDITOR' } });
    expect(count).toBe(1);
  });

  it('is refused from the request right after its revoke', async () => {
    const secret = await createKey('soon-revoked', 'admin');
    expect((await asViewer(api, VIEWER, secret)).body.data.viewer.role).toBe('ADMIN');
    const revoked = await keysCli('revoke', 'soon-revoked');
    expect(revoked.code).toBe(0);
    const after = await asViewer(api, VIEWER, secret);
    expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.body.errors[0].message).toBe('The API key is unknown or revoked');
    const listed = await keysCli('list');
    expect(listed.stdout).toMatch(/^soon-revoked\s+ADMIN\s+\S+\s+\d{4}-\d\d-\d\dT\S+$/m);
  });

  it('answers a made-up key, and a real key with one letter changed, UNAUTHENTICATED without echoing it', async () => {
    const secret = await createKey('tampered', 'editor');
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    for (const bad of [`rg_0123456789abcdef_${'x'.repeat(43)}`, `${secret.slice(0, -1)}${last}`, 'rg_nonsense']) {
      const answer = await asViewer(api, VIEWER, bad);
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(answer.body)).not.toContain(bad);
    }
  });

  it('fails a public read too, rather than passing it as anonymous', async () => {
    const answer = await asViewer(api, '{ films(first: 1) { totalCount } }', 'rg_0123456789abcdef_' + 'y'.repeat(43));
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.data).toBeUndefined();
  });

  it('answers revoke of an unknown name with what to do', async () => {
    const result = await keysCli('revoke', 'never-made');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No key is named 'never-made'/);
  });
});

describe('the request log', () => {
  it('never holds a secret, good or bad', async () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    });
    const logged = await startApp(api.db, { port: 0, production: false, maxQueryDepth: 12, maxQueryCost: 50_000 }, '127.0.0.1', { logger: makeLogger('info', sink) });
    const secret = await createKey('logged-key', 'editor');
    const bad = `rg_0123456789abcdef_${'q'.repeat(43)}`;
    try {
      for (const credential of [secret, bad]) {
        await fetch(logged.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
          body: JSON.stringify({ query: VIEWER }),
        });
      }
      for (let i = 0; i < 50 && written.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await logged.stop();
    }
    expect(written.join('')).toContain('graphql request');
    expect(written.join('')).toContain('UNAUTHENTICATED');
    expect(written.join('')).not.toContain(randomPartOf(secret));
    expect(written.join('')).not.toContain('q'.repeat(43));
  });
});

describe('without credentials', () => {
  it('the viewer is a nameless READER, and finding that out reads nothing from the database', async () => {
    const { result, count } = await countStatements(api.db, () => asViewer(api, VIEWER));
    expect(result.body.data).toEqual({ viewer: { name: null, role: 'READER' } });
    expect(count).toBe(0);
  });
});

function dataOf(answer: { body: any }): any {
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data;
}
