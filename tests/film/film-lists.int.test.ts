import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** Film lists as a frontend pages them: filters, orders, and every page visited exactly once. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

describe('film lists', () => {
  const FILMS = `query ($filter: FilmFilter, $orderBy: FilmOrder, $first: Int, $after: String) {
    films(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount edges { cursor node { id title year } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const titles = (data: any) => data.films.edges.map((e: any) => e.node.title);

  it('filters by genre, year, franchise, person and title', async () => {
    expect(titles(dataOf(await api.query(FILMS, { filter: { genres: ['comedy'] } })))).toEqual(['Bullet Train', 'Deadpool 2', 'The Fall Guy']);
    expect(titles(dataOf(await api.query(FILMS, { filter: { genres: ['comedy', 'thriller'] } })))).toEqual(['Bullet Train']);
    expect(titles(dataOf(await api.query(FILMS, { filter: { yearFrom: 2003, yearTo: 2007 }, orderBy: { field: 'RELEASE_DATE' } })))).toEqual([
      'Underworld', 'Underworld: Evolution', 'Live Free or Die Hard',
    ]);
    expect(titles(dataOf(await api.query(FILMS, { filter: { franchise: 'die-hard' } })))).toEqual(['Die Hard', 'Live Free or Die Hard']);
    expect(titles(dataOf(await api.query(FILMS, { filter: { person: 'david-leitch' }, orderBy: { field: 'RELEASE_DATE', direction: 'DESC' } })))).toEqual([
      'The Fall Guy', 'Bullet Train', 'Deadpool 2', 'Atomic Blonde', 'John Wick',
    ]);
    // Ballerina matches through its alternative title; case and diacritics do not matter.
    expect(titles(dataOf(await api.query(FILMS, { filter: { titleContains: 'WICK' } })))).toEqual([
      'Ballerina', 'John Wick', 'John Wick: Chapter 2', 'John Wick: Chapter 3 – Parabellum', 'John Wick: Chapter 4',
    ]);
    expect(dataOf(await api.query(FILMS, { filter: { person: 'nobody-at-all' } })).films.totalCount).toBe(0);
  });

  it('walks every page exactly once', async () => {
    for (const orderBy of [{ field: 'TITLE' }, { field: 'RELEASE_DATE', direction: 'DESC' }, { field: 'RUNTIME' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const data: any = dataOf(await api.query(FILMS, { orderBy, first: 4, after }));
        expect(data.films.totalCount).toBe(14);
        expect(data.films.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...data.films.edges.map((e: any) => e.node.id));
        pages += 1;
        if (!data.films.pageInfo.hasNextPage) break;
        after = data.films.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toHaveLength(14);
      expect(new Set(seen).size).toBe(14);
    }
  });

  it('orders by runtime with ties broken stably', async () => {
    const data = dataOf(await api.query(FILMS, { orderBy: { field: 'RUNTIME', direction: 'DESC' }, first: 3 }));
    expect(titles(data)).toEqual(['John Wick: Chapter 4', 'The Matrix', 'Die Hard']);
  });

  it('pages people and genre films the same way', async () => {
    const people = dataOf(await api.query(`{ people(filter: {nameContains: "WACHOWSKI"}) { totalCount nodes { name } } }`));
    expect(people.people).toEqual({ totalCount: 2, nodes: [{ name: 'Lana Wachowski' }, { name: 'Lilly Wachowski' }] });
    const first = dataOf(await api.query(`{ genre(slug: "action") { name films(first: 10) { totalCount pageInfo { endCursor hasNextPage } } } }`));
    expect(first.genre.films.totalCount).toBe(14);
    expect(first.genre.films.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await api.query(`query ($after: String) { genre(slug: "action") { films(first: 10, after: $after) { nodes { title } pageInfo { hasNextPage } } } }`, { after: first.genre.films.pageInfo.endCursor }));
    expect(rest.genre.films.nodes).toHaveLength(4);
    expect(rest.genre.films.pageInfo.hasNextPage).toBe(false);
  });
});
