import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** A franchise page as a frontend shows it: its films in release and story order, nesting, characters. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

const FRANCHISE = `query ($order: FranchiseOrder) { franchise(slug: "john-wick") {
  name parent { name } characters { name }
  entries(order: $order) { kind releaseOrder chronologicalOrder film { title } franchise { slug } }
} }`;

describe('a franchise page', () => {
  it('lists John Wick in release order', async () => {
    const { franchise } = dataOf(await api.query(FRANCHISE, { order: 'RELEASE' }));
    expect(franchise.entries.map((e: any) => [e.releaseOrder, e.film.title, e.kind])).toEqual([
      [1, 'John Wick', 'MAIN'],
      [2, 'John Wick: Chapter 2', 'MAIN'],
      [3, 'John Wick: Chapter 3 – Parabellum', 'MAIN'],
      [4, 'John Wick: Chapter 4', 'MAIN'],
      [5, 'Ballerina', 'SPIN_OFF'],
    ]);
    expect(franchise.parent).toBeNull();
    expect(franchise.characters.map((c: any) => c.name)).toEqual([
      'Aurelio', 'Charon', 'Eve Macarro', 'John Wick', 'The Bowery King', 'The Chancellor', 'The Director', 'Winston Scott',
    ]);
  });

  it('lists John Wick in story order, with Ballerina between Chapters 3 and 4', async () => {
    const { franchise } = dataOf(await api.query(FRANCHISE, { order: 'CHRONOLOGICAL' }));
    expect(franchise.entries.map((e: any) => [e.chronologicalOrder, e.film.title])).toEqual([
      [1, 'John Wick'],
      [2, 'John Wick: Chapter 2'],
      [3, 'John Wick: Chapter 3 – Parabellum'],
      [4, 'Ballerina'],
      [5, 'John Wick: Chapter 4'],
    ]);
  });

  it('nests Deadpool inside X-Men', async () => {
    const data = dataOf(await api.query(`{
      deadpool: franchise(slug: "deadpool") { parent { name } entries { film { title } } }
      xmen: franchise(slug: "x-men") { children { name } }
      franchises(first: 100) { totalCount nodes { name } } }`));
    expect(data.deadpool.parent.name).toBe('X-Men');
    expect(data.deadpool.entries.map((e: any) => e.film.title)).toEqual(['Deadpool 2']);
    expect(data.xmen.children.map((f: any) => f.name)).toEqual(['Deadpool']);
    expect(data.franchises.totalCount).toBe(6);
  });

  it('shows a film’s place in its franchise from the film’s side', async () => {
    const { film } = dataOf(await api.query(`{ film(slug: "john-wick-chapter-4-2023") { franchises { kind releaseOrder chronologicalOrder franchise { name } } genres { name } } }`));
    expect(film.franchises).toEqual([{ kind: 'MAIN', releaseOrder: 4, chronologicalOrder: 5, franchise: { name: 'John Wick' } }]);
    expect(film.genres.map((g: any) => g.name)).toEqual(['Action', 'Crime', 'Thriller']);
  });
});
