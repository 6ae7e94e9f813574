import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** The search box: diacritics, alternative titles, ranking, types, and query syntax read as words. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

describe('search', () => {
  const SEARCH = `query ($q: String!, $types: [SearchType!], $first: Int) {
    search(query: $q, types: $types, first: $first) { score entity { __typename ... on Person { name } ... on Film { title } ... on Franchise { name } ... on Character { name } ... on Genre { name } } } }`;
  const names = (hits: any[]) => hits.map((h) => `${h.entity.__typename}:${h.entity.name ?? h.entity.title}`);

  it('finds a name typed without its diacritics', async () => {
    const { search } = dataOf(await api.query(SEARCH, { q: 'Skarsgard' }));
    expect(names(search)).toEqual(['Person:Bill Skarsgård']);
  });

  it('finds a film by an alternative title', async () => {
    const { search } = dataOf(await api.query(SEARCH, { q: 'From the World of John Wick', types: ['FILM'] }));
    expect(names(search)[0]).toBe('Film:Ballerina');
  });

  it('ranks hits best first and narrows by type', async () => {
    const all = dataOf(await api.query(SEARCH, { q: 'john wick' }));
    const kinds = new Set(all.search.map((h: any) => h.entity.__typename));
    expect(kinds).toEqual(new Set(['Film', 'Franchise', 'Character']));
    const scores = all.search.map((h: any) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const people = dataOf(await api.query(SEARCH, { q: 'kean', types: ['PERSON'] }));
    expect(names(people.search)).toEqual(['Person:Keanu Reeves']);
    const genres = dataOf(await api.query(SEARCH, { q: 'sci-fi', types: ['GENRE'] }));
    expect(names(genres.search)).toEqual(['Genre:Sci-Fi']);
  });

  it('treats query syntax as plain words', async () => {
    const { search } = dataOf(await api.query(SEARCH, { q: 'wiseman") (*' }));
    expect(names(search)).toEqual(['Person:Len Wiseman']);
    const operators = dataOf(await api.query(SEARCH, { q: 'Live Free OR Die', types: ['FILM'] }));
    expect(names(operators.search)).toEqual(['Film:Live Free or Die Hard']);
    expect(dataOf(await api.query(SEARCH, { q: '  ?? ' })).search).toEqual([]);
  });
});
