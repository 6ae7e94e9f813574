import { startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** Browser frontends on other origins: preflights answered, answers readable, other origins refused where a list is set. */
let open: TestApi;
let listed: TestApi;

beforeAll(async () => {
  open = await startTestApi();
  listed = await startTestApi({ http: { corsOrigins: ['http://localhost:3000'] } }, open.db);
  await resetToSeed(open.db);
});
afterAll(async () => {
  await listed.app.stop();
  await open.close();
});

function preflight(api: TestApi, origin: string) {
  return fetch(api.app.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization, apollo-require-preflight' },
  });
}

it('answers a preflight 204 with the methods and headers a client sends, and a max-age', async () => {
  const response = await preflight(open, 'http://localhost:3000');
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
  const allowed = response.headers.get('access-control-allow-headers')!.split(', ');
  expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight']));
  expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
});

it('lets a cross-origin POST read its answer and the headers that matter', async () => {
  const response = await fetch(open.app.url, {
    method: 'POST',
    headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ film(slug: "ballerina-2025") { title } }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-expose-headers')).toMatch(/etag.*x-request-id.*retry-after.*ratelimit-remaining/);
  expect(((await response.json()) as any).data.film.title).toBe('Ballerina');
});

it('allows only the listed origins when CORS_ORIGINS names some', async () => {
  const ok = await preflight(listed, 'http://localhost:3000');
  expect(ok.status).toBe(204);
  expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  expect(ok.headers.get('vary')).toMatch(/origin/);
  const refused = await preflight(listed, 'https://elsewhere.example');
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as any).errors[0].message).toMatch(/https:\/\/elsewhere\.example may not call this API \(CORS_ORIGINS\)/);
  const post = await fetch(listed.app.url, {
    method: 'POST',
    headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(post.headers.get('access-control-allow-origin')).toBeNull();
});

it('still refuses simple cross-site requests that skip the preflight (CSRF)', async () => {
  const response = await fetch(`${open.app.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'https://evil.example' } });
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/CSRF|preflight/i);
});
