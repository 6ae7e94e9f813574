import { importDocument } from '../../src/ingest/json-import';
import { startTestApi, TestApi } from '../support/api';
import { testKey } from '../support/keys';
import { resetToSeed } from '../support/neo4j';

/** GET reads carry an ETag that follows the graph's stamp; revalidating costs no query. */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

const QUERY = '{ film(slug: "ballerina-2025") { title year } }';

function get(headers: Record<string, string> = {}, query = QUERY) {
  return fetch(`${api.app.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('names a GET answer with an ETag and a public Cache-Control', async () => {
  const response = await get();
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]+\.[\w-]+"$/);
  expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  expect(((await response.json()) as any).data.film).toEqual({ title: 'Ballerina', year: 2025 });
});

it('answers If-None-Match with 304 and no query', async () => {
  const etag = (await get()).headers.get('etag')!;
  const before = api.db.statementCount;
  const revalidated = await get({ 'if-none-match': etag });
  expect(revalidated.status).toBe(304);
  expect(revalidated.headers.get('etag')).toBe(etag);
  expect(await revalidated.text()).toBe('');
  expect(api.db.statementCount - before).toBeLessThanOrEqual(1);
});

it('names each request apart, and keeps credentials out of shared caches', async () => {
  const film = (await get()).headers.get('etag');
  const other = (await get({}, '{ film(slug: "john-wick-2014") { title } }')).headers.get('etag');
  expect(other).not.toBe(film);
  const withCredentials = await get({ authorization: `Bearer ${await testKey(api.db, 'READER')}` });
  expect(withCredentials.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
  expect(withCredentials.headers.get('etag')).not.toBe(film);
});

it('gives a new ETag once the graph changes, so a stale copy is sent again', async () => {
  const etag = (await get()).headers.get('etag')!;
  await importDocument(api.db, { format: 'reelgraph', version: 1, genres: [{ ref: 'noir', name: 'Film-Noir' }] });
  // Each process reads the graph's stamp at most once a second.
  await sleep(1_100);
  const fresh = await get({ 'if-none-match': etag });
  expect(fresh.status).toBe(200);
  expect(fresh.headers.get('etag')).not.toBe(etag);
});

it('never caches an answer that holds errors', async () => {
  const response = await get({}, '{ film(slug: "ballerina-2025") { nosuchfield } }');
  expect(response.headers.get('etag')).toBeNull();
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it('caches persisted queries sent by GET the same way', async () => {
  const { createHash } = await import('node:crypto');
  const query = '{ film(slug: "ballerina-2025") { title } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
  const url = `${api.app.url}?extensions=${extensions}`;
  const headers = { 'apollo-require-preflight': 'true' };
  // The first GET by hash alone is unknown; the client then registers the query, as Apollo's link does.
  expect(((await (await fetch(url, { headers })).json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  await fetch(`${url}&query=${encodeURIComponent(query)}`, { headers });
  const byHash = await fetch(url, { headers });
  expect(byHash.status).toBe(200);
  expect(((await byHash.json()) as any).data.film.title).toBe('Ballerina');
  const etag = byHash.headers.get('etag')!;
  expect(etag).toBeTruthy();
  expect((await fetch(url, { headers: { ...headers, 'if-none-match': etag } })).status).toBe(304);
});
