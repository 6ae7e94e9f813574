import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

export interface GraphiqlOptions {
  /** Path of the GraphQL endpoint, e.g. `/graphql`; the IDE is served there to browsers. */
  endpoint: string;
  /** Query shown in the editor until the user has one of their own (GraphiQL keeps it in localStorage). */
  exampleQuery: string;
}

const ASSET_PREFIX = '/graphiql/';

// Runs GraphiQL from a file of our own rather than an inline script, so the page's CSP can forbid
// inline scripts outright; the page's settings travel in a JSON block, which browsers never execute.
const START_SCRIPT = `(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  var fetcher = GraphiQL.createFetcher({ url: settings.endpoint });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: settings.exampleQuery })
  );
})();
`;

interface Asset {
  contentType: string;
  /** Where the bytes come from; package files are located only when first asked for. */
  source: () => Promise<Buffer>;
}

interface LoadedAsset {
  body: Buffer;
  etag: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// React 18 and GraphiQL 3 list no UMD builds in their package "exports", so require.resolve cannot
// name those files directly; resolving each package.json (which they do export) finds the package.
function packageFile(pkg: string, file: string): () => Promise<Buffer> {
  return () => fs.readFile(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
}

/** A fixed list: only these names are served, so no request path ever reaches the file system. */
const ASSETS: Record<string, Asset> = {
  'react.production.min.js': { contentType: JS, source: packageFile('react', 'umd/react.production.min.js') },
  'react-dom.production.min.js': { contentType: JS, source: packageFile('react-dom', 'umd/react-dom.production.min.js') },
  'graphiql.min.js': { contentType: JS, source: packageFile('graphiql', 'graphiql.min.js') },
  'graphiql.min.css': { contentType: CSS, source: packageFile('graphiql', 'graphiql.min.css') },
  'start.js': { contentType: JS, source: async () => Buffer.from(START_SCRIPT) },
};

// The files cannot change while the process runs, so each is read and hashed once.
const loaded = new Map<string, Promise<LoadedAsset>>();

function loadAsset(name: string, asset: Asset): Promise<LoadedAsset> {
  let entry = loaded.get(name);
  if (!entry) {
    entry = asset.source().then((body) => ({
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    }));
    // A failed read is not remembered, so a later request can succeed once the file is there.
    entry.catch(() => loaded.delete(name));
    loaded.set(name, entry);
  }
  return entry;
}

// Everything the page needs comes from this server; the policy makes the browser refuse anything
// else, so a stray external URL fails loudly instead of quietly phoning out. GraphiQL sets inline
// styles and embeds its fonts as data: URLs, hence those two allowances.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * JSON that is safe inside a `<script>` element: `<` cannot open `</script>` or `<!--`, and the two
 * line separators older parsers reject in strings are escaped too. JSON.parse restores them all.
 */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function renderPage(options: GraphiqlOptions): string {
  const settings = jsonForScript({ endpoint: options.endpoint, exampleQuery: options.exampleQuery });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reelgraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql"><noscript>GraphiQL needs JavaScript. The API itself answers POST requests at this address.</noscript></div>
<script type="application/json" id="graphiql-settings">${settings}</script>
<script src="${ASSET_PREFIX}react.production.min.js"></script>
<script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
<script src="${ASSET_PREFIX}graphiql.min.js"></script>
<script src="${ASSET_PREFIX}start.js"></script>
</body>
</html>
`;
}

/** q of a media range, 1 when absent; anything unparsable counts as not acceptable. */
function quality(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.split('=').map((s) => s.trim());
    if (key === 'q') {
      const q = Number(value);
      return Number.isFinite(q) ? q : 0;
    }
  }
  return 1;
}

/**
 * Browsers ask for text/html first; GraphQL clients ask for JSON or accept anything. Only an
 * explicit text/html ranked above every JSON type gets the page, so a client listing both equally
 * still gets its JSON, and wildcards never count.
 */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const range of accept.toLowerCase().split(',')) {
    const [type, ...params] = range.split(';').map((s) => s.trim());
    const q = quality(params);
    if (type === 'text/html') html = Math.max(html, q);
    else if (type === 'application/json' || type === 'application/graphql-response+json') json = Math.max(json, q);
  }
  return html > json;
}

function sendPage(req: http.IncomingMessage, res: http.ServerResponse, options: GraphiqlOptions): void {
  const body = Buffer.from(renderPage(options));
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    // The same URL answers GraphQL clients with JSON; caches must keep the two apart.
    Vary: 'Accept',
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendAsset(req: http.IncomingMessage, res: http.ServerResponse, name: string, asset: Asset): void {
  loadAsset(name, asset).then(
    ({ body, etag }) => {
      const headers = {
        ETag: etag,
        // Asset URLs carry no version, so an hour bounds how long an upgraded package can be
        // shadowed by an old copy; after that the ETag makes revalidation a bodiless 304.
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': asset.contentType, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`GraphiQL asset ${name} is unavailable: ${reason}\n`);
    },
  );
}

/**
 * Serves the GraphiQL IDE, entirely from this server: the page at `options.endpoint` to browsers,
 * and its scripts and styles under /graphiql/. Returns false, having written nothing, for every
 * other request, which the caller should then handle itself.
 */
export function serveGraphiql(req: http.IncomingMessage, res: http.ServerResponse, options: GraphiqlOptions): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return false;
  }
  if (pathname === options.endpoint) {
    if (!prefersHtml(req.headers.accept)) return false;
    sendPage(req, res, options);
    return true;
  }
  if (pathname.startsWith(ASSET_PREFIX)) {
    const name = pathname.slice(ASSET_PREFIX.length);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return false;
    sendAsset(req, res, name, asset);
    return true;
  }
  return false;
}
