import { TestApi } from '../support/api';

export const JSON_TYPE = 'application/json';
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  ms: number;
}

/** A POST as a client sends it, accepting `accept`; the body parsed when it is JSON. */
export async function post(api: TestApi, payload: unknown, accept = JSON_TYPE, headers: Record<string, string> = {}): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(api.app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, headers: response.headers, body, ms: Date.now() - started };
}

export function codesOf(answer: Answer): string[] {
  return ((answer.body?.errors ?? []) as { extensions?: { code?: string } }[]).map((error) => error.extensions?.code ?? '');
}
