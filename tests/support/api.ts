import 'reflect-metadata';
import { Database } from '../../src/db/database';
import { App, AppConfig, startApp } from '../../src/server/app';
import { testDatabase } from './neo4j';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestApi {
  db: Database;
  app: App;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const TEST_APP_CONFIG: AppConfig = { port: 0, production: false, maxQueryDepth: 12, maxQueryCost: 50_000, http: { logLevel: 'silent' } };

/** The API as users run it, over HTTP on a free loopback port, on the suite's Neo4j. */
export async function startTestApi(config: Partial<AppConfig> = {}, db: Database = testDatabase()): Promise<TestApi> {
  const app = await startApp(db, { ...TEST_APP_CONFIG, ...config, http: { ...TEST_APP_CONFIG.http, ...config.http }, auth: { ...TEST_APP_CONFIG.auth, ...config.auth } }, '127.0.0.1');
  return {
    db,
    app,
    async query(query, variables) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}

/** The data of a response that must have no errors; a failed test shows the errors. */
export function dataOf<T = any>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
