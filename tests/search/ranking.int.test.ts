import { importDocument } from '../../src/ingest/json-import';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * Search ranks by score, ties by id. 60 films whose titles score the same for one word make a tie
 * far longer than a page.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
  const films = Array.from({ length: 60 }, (_, i) => ({ ref: `f${i}`, title: `Quillback ${String(i).padStart(2, '0')}`, year: 2000 }));
  await importDocument(api.db, { format: 'reelgraph', version: 1, films });
});
afterAll(() => api.close());

const SEARCH = `query ($query: String!, $first: Int, $types: [SearchType!]) {
  search(query: $query, first: $first, types: $types) { score entity { __typename id ... on Film { title } } }
}`;

it('breaks a long tie by id, across the whole tie', async () => {
  const ids = (await api.db.read<{ id: string }>("MATCH (f:Film) WHERE f.title STARTS WITH 'Quillback' RETURN f.id AS id ORDER BY id")).map((r) => r.id);
  expect(ids).toHaveLength(60);
  const { search } = dataOf(await api.query(SEARCH, { query: 'quillback', first: 10 }));
  expect(new Set(search.map((hit: any) => hit.score)).size).toBe(1);
  expect(search.map((hit: any) => hit.entity.id)).toEqual(ids.slice(0, 10));
});

it('still finds the one best hit among many by its rarer word', async () => {
  const { search } = dataOf(await api.query(SEARCH, { query: 'quillback 42', first: 3 }));
  expect(search[0].entity.title).toBe('Quillback 42');
});

it('fills a page filtered to one type', async () => {
  const { search } = dataOf(await api.query(SEARCH, { query: 'john', first: 5, types: ['FRANCHISE'] }));
  expect(search.map((hit: any) => hit.entity.__typename)).toEqual(['Franchise']);
});
