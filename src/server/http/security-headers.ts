import type http from 'node:http';

/**
 * Headers every answer carries: no content-type sniffing, no framing by other sites, no referrer
 * leaking query strings. HTML pages add their own Content-Security-Policy (see graphiql/).
 */
export function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
}
