import http from 'node:http';
import { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startTestApi, TestApi } from '../support/api';
import { testKey } from '../support/keys';
import { resetToSeed } from '../support/neo4j';
import { launchBrowser } from './browser';

/**
 * A frontend on another origin, in a real browser: a page served from one port calls the API on
 * another with a JSON POST (so the browser sends a preflight first) and a bearer token, and reads
 * the answer and the headers the API exposes. With CORS_ORIGINS set to a list, another origin is
 * refused by the browser itself.
 */
let api: TestApi;
let listed: TestApi;
let site: http.Server;
let origin: string;
let browser: Browser;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  listed = await startTestApi({ http: { corsOrigins: ['http://frontend.invalid'] } }, api.db);
  await resetToSeed(api.db);
  token = await testKey(api.db, 'READER', 'frontend');
  site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title>'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site.close(resolve));
  await listed.app.stop();
  await api.close();
});

/** Runs fetch in the page at `origin` against `url`, as a frontend's script would. */
async function fetchFromPage(url: string) {
  const page = await browser.newPage();
  await page.goto(origin);
  const result = await page.evaluate(async ({ target, token }) => {
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ film(slug: "ballerina-2025") { title } }' }),
      });
      return { status: response.status, body: await response.json(), requestId: response.headers.get('x-request-id'), remaining: response.headers.get('ratelimit-remaining') };
    } catch (error) {
      return { failed: String(error) };
    }
  }, { target: url, token });
  await page.close();
  return result as any;
}

it('lets a page on another origin call the API and read its answer and headers', async () => {
  const result = await fetchFromPage(api.app.url);
  expect(result.status).toBe(200);
  expect(result.body.data.film.title).toBe('Ballerina');
  expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(Number(result.remaining)).toBeGreaterThan(0);
});

it('is refused by the browser when CORS_ORIGINS does not list the page’s origin', async () => {
  const result = await fetchFromPage(listed.app.url);
  expect(result.failed).toMatch(/Failed to fetch/);
});
