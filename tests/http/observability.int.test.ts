import { Writable } from 'node:stream';
import { makeLogger } from '../../src/server/observability/logger';
import { startTestApi, TestApi } from '../support/api';
import { testDatabase, resetToSeed } from '../support/neo4j';
import { App, startApp } from '../../src/server/app';
import { Database } from '../../src/db/database';

/** Request logs as JSON lines with the request id, and Prometheus metrics at /metrics. */
const lines: any[] = [];
let db: Database;
let app: App;
let production: App;

function capture(): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  const config = { port: 0, maxQueryDepth: 12, maxQueryCost: 50_000 };
  app = await startApp(db, { ...config, production: false }, '127.0.0.1', { logger: makeLogger('info', capture()) });
  production = await startApp(db, { ...config, production: true }, '127.0.0.1', { logger: makeLogger('info', capture()) });
});
afterAll(async () => {
  await app.stop();
  await production.stop();
  await db.close();
});

async function ask(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const waitForLog = async (requestId: string) => {
  for (let i = 0; i < 50 && !lines.some((line) => line.requestId === requestId); i += 1) await new Promise((r) => setTimeout(r, 10));
  return lines.find((line) => line.requestId === requestId);
};

it('logs each request as one JSON line with the id the client sent, and echoes it', async () => {
  const response = await ask(app.url, { query: 'query Ballerina($slug: String!) { film(slug: $slug) { title } }', variables: { slug: 'ballerina-2025' }, operationName: 'Ballerina' }, { 'x-request-id': 'trace-42' });
  expect(response.headers.get('x-request-id')).toBe('trace-42');
  const line = await waitForLog('trace-42');
  expect(line).toMatchObject({ requestId: 'trace-42', method: 'POST', status: 200, operation: 'Ballerina', statements: 1, errors: [], variables: { slug: 'ballerina-2025' } });
  expect(line.ms).toBeGreaterThan(0);
  expect(line.cost).toBe(2);
});

it('makes a request id when none is given, and logs error codes', async () => {
  const response = await ask(app.url, { query: '{ film(slug: "ballerina-2025") { nosuchfield } }' });
  const id = response.headers.get('x-request-id')!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await waitForLog(id)).errors).toEqual(['GRAPHQL_VALIDATION_FAILED']);
});

it('leaves variables out of production logs', async () => {
  await ask(production.url, { query: 'query ($slug: String!) { film(slug: $slug) { title } }', variables: { slug: 'secret-slug' } }, { 'x-request-id': 'prod-1' });
  const line = await waitForLog('prod-1');
  expect(line).toBeDefined();
  expect(line).not.toHaveProperty('variables');
  expect(JSON.stringify(lines)).not.toMatch(/secret-slug/);
});

it('serves Prometheus metrics: requests by operation and outcome, latency, statements, sessions', async () => {
  await ask(app.url, { query: 'query Ballerina { film(slug: "ballerina-2025") { title } }', operationName: 'Ballerina' });
  const response = await fetch(new URL('/metrics', app.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^reelgraph_http_requests_total\{operation="Ballerina",outcome="ok"\} [2-9]/m);
  expect(text).toMatch(/^reelgraph_http_requests_total\{operation="anonymous",outcome="GRAPHQL_VALIDATION_FAILED"\} 1/m);
  expect(text).toMatch(/^reelgraph_http_request_duration_seconds_bucket\{le="0\.1",operation="Ballerina"\} \d+/m);
  expect(text).toMatch(/^reelgraph_neo4j_statement_duration_seconds_count\{outcome="ok"\} \d+/m);
  expect(text).toMatch(/^reelgraph_neo4j_sessions_in_use \d+/m);
  expect(text).toMatch(/^reelgraph_rate_limited_total 0/m);
  expect(text).toMatch(/^reelgraph_neo4j_failed_fast_total 0/m);
  expect(text).toMatch(/^reelgraph_process_resident_memory_bytes \d+/m);
});

it('sets security headers on every answer', async () => {
  const response = await ask(app.url, { query: '{ __typename }' });
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  const page = await fetch(app.url, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
});
