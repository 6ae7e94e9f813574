import type { ApolloError } from '@apollo/client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** The API's error codes (src/common/errors.ts) in words a film person understands. */
const MESSAGES: Record<string, string> = {
  SERVICE_UNAVAILABLE: 'The film graph’s database is not answering right now, so nothing can be looked up. It is usually back within moments.',
  QUERY_TIMEOUT: 'The film graph took too long to answer this one.',
  RATE_LIMITED: 'Too many requests in a short time; wait a moment.',
  BAD_USER_INPUT: 'The API did not accept this request',
  INTERNAL_SERVER_ERROR: 'The API failed while answering.',
};

function describe(error: ApolloError): { code: string | null; text: string } {
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
  if (code === 'BAD_USER_INPUT') return { code, text: `${MESSAGES.BAD_USER_INPUT}: ${first.message}` };
  if (code && MESSAGES[code]) return { code, text: MESSAGES[code] };
  if (first) return { code, text: first.message };
  if (error.networkError) return { code: null, text: 'The Reelgraph API cannot be reached. Check the connection, or whether the server is running.' };
  return { code: null, text: error.message };
}

/** Says what went wrong in words and offers to ask again; `onRetry` repeats the failed request. */
export function QueryError({ error, onRetry, retrying }: { error: ApolloError; onRetry: () => void; retrying?: boolean }) {
  const { code, text } = describe(error);
  return (
    <div className="error" role="alert">
      <h2>Something went wrong</h2>
      <p>{text}</p>
      {code && <p className="muted">Error code: <code>{code}</code></p>}
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
