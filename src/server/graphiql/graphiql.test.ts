import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveGraphiql } from './index';

// Holds everything an escaper must survive: a closing script tag, an HTML comment opener, quotes,
// ampersands, backslashes and the line separators JavaScript strings once could not contain.
const EXAMPLE_QUERY = `# Films </script><script>alert(1)</script> <!-- & "quotes" 'too' \\ \u2028\u2029
query Films {
  films(first: 5) { edges { node { title } } }
}`;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (serveGraphiql(req, res, { endpoint: '/graphql', exampleQuery: EXAMPLE_QUERY })) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('fell through');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(origin + path, { headers });
}

/** Unlike fetch, sends the path unnormalised and adds no Accept header of its own. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(origin + '/', { path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the GraphiQL page', () => {
  let res: Response;
  let html: string;
  beforeAll(async () => {
    res = await get('/graphql?from=bookmark', { Accept: BROWSER_ACCEPT });
    html = await res.text();
  });

  it('is served to browsers at the endpoint, query string or not', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<div id="graphiql">');
  });

  it('names no other host, and its policy lets the browser load nothing from one', () => {
    expect(html.match(/https?:\/\/[^\s"'<>]*/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/src="\/\/|href="\/\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('loads only assets this handler serves', async () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    // An empty inline icon keeps the browser from asking the API for /favicon.ico.
    expect(refs.shift()).toBe('data:,');
    expect(refs).toEqual([
      '/graphiql/graphiql.min.css',
      '/graphiql/react.production.min.js',
      '/graphiql/react-dom.production.min.js',
      '/graphiql/graphiql.min.js',
      '/graphiql/start.js',
    ]);
    for (const ref of refs) expect((await get(ref)).status).toBe(200);
  });

  it('carries the endpoint and the example query intact, without letting the query end the script', () => {
    expect(html).not.toContain('</script><script>alert');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('\u2028');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    const settings = scripts.find((m) => m[0].includes('id="graphiql-settings"'));
    expect(settings).toBeDefined();
    expect(JSON.parse(settings![1])).toEqual({ endpoint: '/graphql', exampleQuery: EXAMPLE_QUERY });
    // Every other script element is an empty one that loads a file.
    expect(scripts.filter((m) => m !== settings).map((m) => m[1])).toEqual(['', '', '', '']);
  });
});

describe('the GraphiQL assets', () => {
  it.each([
    ['react.production.min.js', 'text/javascript; charset=utf-8', 'React'],
    ['react-dom.production.min.js', 'text/javascript; charset=utf-8', 'ReactDOM'],
    ['graphiql.min.js', 'text/javascript; charset=utf-8', 'GraphiQL'],
    ['graphiql.min.css', 'text/css; charset=utf-8', '.graphiql-container'],
    ['start.js', 'text/javascript; charset=utf-8', 'createFetcher'],
  ])('%s is served with its content type and cache headers', async (name, contentType, marker) => {
    const res = await get(`/graphiql/${name}?v=1`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(body.length).toBeGreaterThan(0);
    expect(body).toContain(marker);

    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const revalidated = await get(`/graphiql/${name}`, { 'If-None-Match': etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${origin}/graphiql/graphiql.min.css`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100_000);
    expect(await res.text()).toBe('');
  });
});

describe('requests that are not for GraphiQL fall through', () => {
  it.each([
    ['a GraphQL GET asking for JSON', '/graphql?query=%7B__typename%7D', 'application/json'],
    ['a GraphQL GET asking for graphql-response+json', '/graphql?query=%7B__typename%7D', 'application/graphql-response+json, application/json;q=0.9'],
    ['a GET accepting anything', '/graphql', '*/*'],
    ['a GET with no Accept', '/graphql', ''],
    ['a GET ranking JSON level with HTML', '/graphql', 'application/json, text/html'],
    ['a GET ranking HTML below JSON', '/graphql', 'text/html;q=0.5, application/json'],
    ['a browser on another path', '/graphql/extra', BROWSER_ACCEPT],
    ['a browser on the health check', '/health', BROWSER_ACCEPT],
    ['an unknown asset', '/graphiql/graphiql.min.js.map', '*/*'],
    ['a path outside the asset list', '/graphiql/../package.json', '*/*'],
    ['an encoded path outside the asset list', '/graphiql/..%2Fpackage.json', '*/*'],
    ['the asset folder itself', '/graphiql/', BROWSER_ACCEPT],
  ])('%s', async (_label, path, accept) => {
    expect(await rawGet(path, accept ? { Accept: accept } : {})).toEqual({ status: 404, body: 'fell through' });
  });

  it('a POST to the endpoint, even from a browser', async () => {
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { Accept: BROWSER_ACCEPT, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('fell through');
  });
});
