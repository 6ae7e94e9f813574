import { randomUUID } from 'node:crypto';
import type http from 'node:http';

/** A client's x-request-id when it is a sane token, else a fresh one: what the log line and the answer carry. */
export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}
