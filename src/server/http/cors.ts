import type http from 'node:http';

/**
 * Cross-origin access for browser frontends. Credentials travel as headers (a bearer token),
 * never as cookies, so letting another origin read answers exposes nothing a script there could
 * not fetch itself; Apollo's CSRF prevention still refuses simple requests that could smuggle a
 * mutation past a browser's preflight.
 */
export interface CorsPolicy {
  /** Origins allowed, or '*' for any. */
  origins: '*' | readonly string[];
}

/** What a client may send in a cross-origin request: JSON bodies, bearer tokens, Apollo's and our own headers. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'if-none-match'];
/** What a script on another origin may read of an answer besides the simple headers. */
const EXPOSED_HEADERS = ['etag', 'x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** Browsers cache a preflight this long (Chromium caps it at two hours). */
const MAX_AGE_SECONDS = 7200;

function allowed(policy: CorsPolicy, origin: string): boolean {
  return policy.origins === '*' || policy.origins.includes(origin);
}

/**
 * Sets the CORS headers of an answer and answers preflights itself: true when the request was a
 * preflight (OPTIONS) and has been answered.
 */
export function handleCors(req: http.IncomingMessage, res: http.ServerResponse, policy: CorsPolicy): boolean {
  const origin = req.headers.origin;
  // Which origin is allowed depends on the request's own, so caches must keep answers apart by it.
  if (policy.origins !== '*') res.setHeader('vary', 'origin');
  const ok = typeof origin === 'string' && allowed(policy, origin);
  if (ok) {
    res.setHeader('access-control-allow-origin', policy.origins === '*' ? '*' : origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
  }
  if (req.method !== 'OPTIONS') return false;
  if (typeof origin === 'string' && !ok) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ errors: [{ message: `The origin ${origin} may not call this API (CORS_ORIGINS)`, extensions: { code: 'FORBIDDEN' } }] }));
    return true;
  }
  res.writeHead(204, {
    allow: ALLOWED_METHODS,
    ...(ok
      ? {
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
          'access-control-max-age': String(MAX_AGE_SECONDS),
        }
      : {}),
  });
  res.end();
  return true;
}
