import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout (or `destination`): one per request, and the server's own events. */
export function makeLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'reelgraph' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
