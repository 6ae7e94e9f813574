import { createHash } from 'node:crypto';
import { Database } from '../../db/database';
import { GRAPH_STAMP } from '../../model/graph';

/**
 * HTTP caching of reads. A GET query's answer is named by an ETag made of the graph's stamp
 * (which every committed change replaces, see model/graph.ts) and the request itself, so a client
 * or cache holding an answer revalidates it with `If-None-Match` and gets 304 without the query
 * running. Each process reads the stamp at most once a STAMP_TTL_MS: an answer may be called
 * fresh for that long after a change.
 */
const STAMP_TTL_MS = 1_000;

export class GraphStamp {
  private cached: { stamp: string; at: number } | undefined;
  private reading: Promise<string> | undefined;

  constructor(private readonly db: Database) {}

  async current(): Promise<string> {
    if (this.cached && Date.now() - this.cached.at < STAMP_TTL_MS) return this.cached.stamp;
    // Requests arriving together share one read of the stamp.
    this.reading ??= this.db
      .read<{ stamp: string | null }>(GRAPH_STAMP)
      .then(([row]) => {
        const stamp = row?.stamp ?? 'unstamped';
        this.cached = { stamp, at: Date.now() };
        return stamp;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

/** The ETag of a GET answer: the graph's stamp and everything the answer depends on besides it. */
export function etagOf(stamp: string, search: string, accept: string, authenticated: boolean): string {
  const request = createHash('sha256').update(`${search}\u0000${accept}\u0000${authenticated ? 'auth' : 'anon'}`).digest('base64url');
  return `W/"${createHash('sha256').update(stamp).digest('base64url').slice(0, 10)}.${request.slice(0, 22)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Cache-Control of a GET answer: shared caches may keep public answers, never ones made for credentials. */
export function cacheControlOf(policy: string, authenticated: boolean): string {
  return `${authenticated ? 'private' : 'public'}, ${policy}`;
}
