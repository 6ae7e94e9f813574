import { statusOf } from '../../src/server/app';
import { startTestApi, TestApi } from '../support/api';
import { codesOf } from '../http/support';
import { asViewer, createKey, deleteKeys, GRAPHQL_RESPONSE, JSON_TYPE } from './support';

/** Credentials' errors by the GraphQL-over-HTTP rules, and a server whose reads are not public. */
let api: TestApi;
let closed: TestApi;
let key: string;

beforeAll(async () => {
  api = await startTestApi();
  closed = await startTestApi({ auth: { publicRead: false } }, api.db);
  await deleteKeys(api.db);
  key = await createKey('private-reader', 'reader');
});
afterAll(async () => {
  await closed.app.stop();
  await api.close();
});

const BAD_KEY = `rg_0123456789abcdef_${'z'.repeat(43)}`;

describe('UNAUTHENTICATED', () => {
  it('is 401 with WWW-Authenticate to application/graphql-response+json clients', async () => {
    const answer = await asViewer(api, '{ viewer { role } }', BAD_KEY, GRAPHQL_RESPONSE);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="reelgraph"/);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('is 200 with the error to application/json clients', async () => {
    const answer = await asViewer(api, '{ viewer { role } }', BAD_KEY, JSON_TYPE);
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers an Authorization header that is not a bearer credential', async () => {
    const answer = await asViewer(api, '{ viewer { role } }', undefined);
    expect(answer.status).toBe(200);
    const basic = await fetch(api.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as any).errors[0].message).toMatch(/must read 'Bearer <API key or JWT>'/);
  });
});

describe('FORBIDDEN and partial answers', () => {
  it('is 403 to graphql-response+json clients, 200 to application/json ones and whenever part of the answer holds data', () => {
    const forbidden = { errorCodes: ['FORBIDDEN'], hasData: false };
    expect(statusOf(403, 'application/graphql-response+json; charset=utf-8', forbidden)).toBe(403);
    expect(statusOf(403, 'application/json; charset=utf-8', forbidden)).toBe(200);
    expect(statusOf(403, 'application/graphql-response+json', { ...forbidden, hasData: true })).toBe(200);
    expect(statusOf(401, 'application/graphql-response+json', { errorCodes: ['UNAUTHENTICATED'], hasData: false })).toBe(401);
  });
});

describe('REELGRAPH_PUBLIC_READ=false', () => {
  const FILMS = '{ films { totalCount } }';

  it('refuses an anonymous read as UNAUTHENTICATED (401 / 200 by media type)', async () => {
    const strict = await asViewer(closed, FILMS, undefined, GRAPHQL_RESPONSE);
    expect(strict.status).toBe(401);
    expect(codesOf(strict)).toEqual(['UNAUTHENTICATED']);
    expect(strict.body.errors[0].message).toMatch(/REELGRAPH_PUBLIC_READ=false/);
    expect(strict.body.data).toBeUndefined();
    const legacy = await asViewer(closed, FILMS, undefined, JSON_TYPE);
    expect(legacy.status).toBe(200);
    expect(codesOf(legacy)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses introspection without credentials too', async () => {
    expect(codesOf(await asViewer(closed, '{ __schema { queryType { name } } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers the same read with a key of any role', async () => {
    const answer = await asViewer(closed, FILMS, key);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(typeof answer.body.data.films.totalCount).toBe('number');
  });

  it('gives no 304 to a GET without valid credentials, whatever ETag it holds', async () => {
    const search = `?query=${encodeURIComponent(FILMS)}`;
    const get = (server: TestApi, headers: Record<string, string>) =>
      fetch(`${server.app.url}${search}`, { headers: { accept: GRAPHQL_RESPONSE, 'apollo-require-preflight': 'true', ...headers } });
    // ETags depend on the graph and the request only, so the public server's is one the closed server would match.
    const anonymousTag = (await get(api, {})).headers.get('etag');
    expect(anonymousTag).toBeTruthy();
    expect((await get(closed, { 'if-none-match': anonymousTag! })).status).toBe(401);

    const keyedTag = (await get(closed, { authorization: `Bearer ${key}` })).headers.get('etag');
    expect(keyedTag).toBeTruthy();
    expect((await get(closed, { authorization: `Bearer ${key}`, 'if-none-match': keyedTag! })).status).toBe(304);
    expect((await get(closed, { authorization: `Bearer ${BAD_KEY}`, 'if-none-match': keyedTag! })).status).toBe(401);
    expect((await get(api, { authorization: `Bearer ${BAD_KEY}`, 'if-none-match': keyedTag! })).status).toBe(401);
  });
});
