import { auditServer } from 'graphql-http';
import { startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * graphql-http's audits of the GraphQL-over-HTTP spec: every MUST and SHOULD holds. Three MAYs
 * are notices, by choice: GET requests without a JSON content type or a preflight header are
 * refused by Apollo's CSRF prevention, which a browser form could otherwise use to send a query
 * with the user's address behind it.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

it('passes the GraphQL-over-HTTP audits with no warning and no error', async () => {
  const results = await auditServer({ url: api.app.url });
  const failed = results
    .filter((result) => result.status === 'warn' || result.status === 'error')
    .map((result) => `${result.status} ${result.id}: ${result.name} (${'reason' in result ? result.reason : ''})`);
  expect(failed).toEqual([]);
  expect(results.filter((result) => result.status === 'notice').map((result) => result.id).sort()).toEqual(['5A70', '6A70', 'D6D5']);
  expect(results.length).toBeGreaterThan(40);
});
