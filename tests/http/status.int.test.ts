import http from 'node:http';
import { startTestApi, TestApi } from '../support/api';
import { testKey } from '../support/keys';
import { resetToSeed } from '../support/neo4j';
import { codesOf, GRAPHQL_RESPONSE, JSON_TYPE, post } from './support';

/**
 * Status codes by the GraphQL-over-HTTP spec, and the limits: a request that is itself wrong is a
 * client error (200 with `errors` to application/json clients, 4xx to graphql-response+json ones),
 * never a 5xx.
 */
let api: TestApi;
let strict: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  strict = await startTestApi({ maxQueryDepth: 3, maxQueryCost: 40, http: { maxBodyBytes: 64 * 1024, rateLimitPerMinute: 100 } });
  await resetToSeed(api.db);
});
afterAll(async () => {
  await strict.close();
  await api.close();
});

const DEEP = '{ film(slug: "ballerina-2025") { cast { person { roles { nodes { film { title } } } } } } }';

describe.each([
  ['application/json', JSON_TYPE, 200],
  ['application/graphql-response+json', GRAPHQL_RESPONSE, 400],
])('a request that is itself wrong, to %s clients', (_name, accept, status) => {
  it.each([
    ['a parse failure', { query: '{ film(slug: "ballerina-2025") { title ' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation failure', { query: '{ film(slug: "ballerina-2025") { nosuchfield } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable that cannot be coerced', { query: 'query ($n: Int) { films(first: $n) { totalCount } }', variables: { n: 'ten' } }, 'BAD_USER_INPUT'],
    ['a mutation, which this schema has none of', { query: 'mutation { addFilm }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ])('answers %s with %s', async (_case, payload, code) => {
    const answer = await post(api, payload, accept);
    expect(answer.status).toBe(status);
    expect(codesOf(answer)).toEqual([code]);
    expect(answer.body.data).toBeUndefined();
  });

  it.each([
    ['deeper than MAX_QUERY_DEPTH', DEEP, 'QUERY_TOO_DEEP', /7 levels deep; at most 3 .*MAX_QUERY_DEPTH/],
    ['dearer than MAX_QUERY_COST', '{ films(first: 50) { nodes { title } } }', 'QUERY_TOO_COMPLEX', /would cost 101 units; at most 40/],
  ])('answers a query %s as a client error', async (_case, query, code, message) => {
    const answer = await post(strict, { query }, accept);
    expect(answer.status).toBe(status);
    expect(codesOf(answer)).toEqual([code]);
    expect(answer.body.errors[0].message).toMatch(message);
  });
});

describe('limits on what a document may spell out', () => {
  it('refuses 20,000 aliases without running them', async () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `a${i}: __typename`).join(' ');
    // 60,000 tokens: the token limit would stop it first, so it is raised for this request's server.
    const roomy = await startTestApi({ http: { maxQueryTokens: 100_000 } }, api.db);
    const answer = await post(roomy, { query: `{ ${aliases} }` }, GRAPHQL_RESPONSE);
    await roomy.app.stop();
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_LARGE']);
    expect(answer.body.errors[0].message).toMatch(/20000 aliases; at most 100 .*MAX_QUERY_ALIASES/);
  });

  it('refuses a document of more tokens than MAX_QUERY_TOKENS', async () => {
    const ids = Array.from({ length: 25_000 }, (_, i) => `"film_${i}"`).join(' ');
    const answer = await post(api, { query: `{ nodes(ids: [${ids}]) { id } }` }, JSON_TYPE);
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_LARGE']);
    expect(answer.body.errors[0].message).toMatch(/more th\w+ 20000 tokens.*MAX_QUERY_TOKENS/);
  });

  it('refuses more directives than MAX_QUERY_DIRECTIVES', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ');
    const answer = await post(api, { query: `{ ${fields} }` }, GRAPHQL_RESPONSE);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_LARGE']);
    expect(answer.body.errors[0].message).toMatch(/60 directives; at most 50/);
  });

  it('answers batches with a clear 400 while batching is off', async () => {
    const answer = await post(api, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/batch/i);
  });

  it('answers other methods 405 with the ones it takes', async () => {
    const response = await fetch(api.app.url, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });
});

describe('a body over the size limit', () => {
  /** Sends `size` bytes, with a content-length or chunked, and reads what comes back. */
  function send(size: number, chunked: boolean): Promise<{ status: number; body: string }> {
    const url = new URL(strict.app.url);
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': size }) } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    });
  }

  it.each([
    ['with a content-length', false],
    ['chunked', true],
  ])('is answered 413 %s, never with a reset connection', async (_case, chunked) => {
    const { status, body } = await send(1024 * 1024, chunked);
    expect(status).toBe(413);
    expect(body).toMatch(/larger than 65536 bytes \(MAX_BODY_BYTES\)/);
  });
});

describe('rate limits and published cost', () => {
  it('publishes every answer’s cost and the client’s budget', async () => {
    const answer = await post(api, { query: '{ film(slug: "ballerina-2025") { title cast { person { name } } } }' });
    expect(answer.status).toBe(200);
    // film 1, title 1, cast 1 and its 10 assumed items of person 1 + name 1.
    expect(answer.body.extensions.cost).toEqual({ requested: 1 + 1 + 1 + 10 * (1 + 1), limit: 50_000 });
    expect(Number(answer.headers.get('ratelimit-limit'))).toBe(1_000_000);
    expect(Number(answer.headers.get('ratelimit-remaining'))).toBeLessThan(1_000_000);
  });

  it('answers 429 with Retry-After once a client has spent its budget, and only that client', async () => {
    const query = { query: '{ films(first: 3) { nodes { title } } }' };
    const spent: number[] = [];
    const [spender, someoneElse] = [await testKey(api.db, 'READER', 'spender'), await testKey(api.db, 'READER', 'someone-else')];
    let answer = await post(strict, query, JSON_TYPE, { authorization: `Bearer ${spender}` });
    while (answer.status === 200) {
      spent.push(answer.body.extensions.cost.requested);
      answer = await post(strict, query, JSON_TYPE, { authorization: `Bearer ${spender}` });
    }
    expect(spent.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    expect(spent.length).toBeGreaterThan(5);
    expect(answer.status).toBe(429);
    expect(codesOf(answer)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answer.body.errors[0].message).toMatch(/try again in \d+ s/);
    // Another client's budget is its own.
    const other = await post(strict, query, JSON_TYPE, { authorization: `Bearer ${someoneElse}` });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });
});
