import { promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

export interface ExplorerOptions {
  /** The folder `vite build` writes (default: `web/dist` at the project root). */
  distDir?: string;
}

// Both dist/server/explorer (compiled) and src/server/explorer (ts-jest) sit three folders below
// the project root, so one relative path finds the built app from either.
const DEFAULT_DIST = path.resolve(__dirname, '..', '..', '..', 'web', 'dist');

/**
 * The app's own routes: a reload or a shared link on any of them must get the page, which then
 * routes in the browser. Kept in step with web/src/App.tsx.
 */
const APP_ROUTES = [/^\/$/, /^\/(film|person|franchise|character|genre)\/[^/]+\/?$/, /^\/path\/?$/];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite puts a content hash in every name under assets/, so a changed file is a new URL and the old
// one may be cached for good. Only plain names, so no request path can climb out of the folder.
const HASHED_ASSET = /^\/assets\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// Files Vite copies from web/public keep their names, so they are revalidated rather than pinned.
const PUBLIC_FILE = /^\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.(svg|png|ico|txt)$/;

// Everything comes from this server: the policy makes a stray external URL fail loudly. Cytoscape
// and React set element styles, hence the one style allowance; no inline script is ever needed.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves Reelgraph Explorer, the single-page app built from web/: its page at `/` and at each of
 * its routes, its hashed scripts and styles under /assets/. Resolves false, having written nothing,
 * for any other request, which the caller then handles itself.
 */
export async function serveExplorer(req: http.IncomingMessage, res: http.ServerResponse, options: ExplorerOptions = {}): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  const distDir = options.distDir ?? DEFAULT_DIST;

  if (APP_ROUTES.some((route) => route.test(pathname))) {
    const page = await readOrNull(path.join(distDir, 'index.html'));
    if (!page) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Reelgraph Explorer is not built: run `npm run build:web` (npm start does it for you). GraphiQL is at /graphql.\n');
      return true;
    }
    send(req, res, page, {
      'Content-Type': CONTENT_TYPES['.html'],
      // The page names the current hashed bundles, so it must never outlive a rebuild.
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': PAGE_CSP,
      'Referrer-Policy': 'no-referrer',
    });
    return true;
  }

  const hashed = HASHED_ASSET.test(pathname);
  if (!hashed && !PUBLIC_FILE.test(pathname)) return false;
  const type = CONTENT_TYPES[path.extname(pathname)];
  if (!type) return false;
  const body = await readOrNull(path.join(distDir, pathname));
  if (!body) return false;
  send(req, res, body, {
    'Content-Type': type,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  });
  return true;
}

function send(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Length': body.length, 'X-Content-Type-Options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The file's bytes, or null when it is not there (a missing build, an unknown asset). */
async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR')) return null;
    throw error;
  }
}
