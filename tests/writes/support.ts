import { ApiKeyStore } from '../../src/auth/api-keys';
import { AppConfig } from '../../src/server/app';
import { GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** The API with an editor's and an admin's key, and a way to send requests as each. */
export interface WritingApi extends TestApi {
  editorKey: string;
  adminKey: string;
  asEditor<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  asAdmin<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  as<T = any>(credential: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The seed graph and nothing else, with the editor's and admin's keys made again (a wipe takes them). */
  resetToSeed(): Promise<void>;
}

let keyCount = 0;

export async function startWritingApi(config: Partial<AppConfig> = {}): Promise<WritingApi> {
  const api = await startTestApi(config);
  const keys = new ApiKeyStore(api.db);
  const makeKeys = async () => {
    keyCount += 1;
    writing.editorKey = (await keys.create(`test-editor-${keyCount}`, 'EDITOR')).secret;
    writing.adminKey = (await keys.create(`test-admin-${keyCount}`, 'ADMIN')).secret;
  };
  const as = async (credential: string | undefined, query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(api.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const writing: WritingApi = {
    ...api,
    editorKey: '',
    adminKey: '',
    as,
    asEditor: (query, variables) => as(writing.editorKey, query, variables),
    asAdmin: (query, variables) => as(writing.adminKey, query, variables),
    async resetToSeed() {
      await resetToSeed(api.db);
      await makeKeys();
    },
  };
  await makeKeys();
  return writing;
}

/** The payload of a mutation that must have succeeded: no errors, no user errors. */
export function payload<T = any>(response: GraphQLResponse, field: string): T {
  expect(response.errors).toBeUndefined();
  const result = response.data?.[field];
  expect(result?.userErrors).toEqual([]);
  return result as T;
}

/** The user errors of a mutation that must have been refused as a value. */
export function userErrorsOf(response: GraphQLResponse, field: string): { field: string[]; code: string; message: string }[] {
  expect(response.errors).toBeUndefined();
  return response.data?.[field]?.userErrors ?? [];
}
