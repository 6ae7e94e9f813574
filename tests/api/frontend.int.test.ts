import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** What a frontend shows: a franchise page, search boxes, filtered and paged film lists, node ids. */
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

describe('node ids', () => {
  it('round-trips every kind of entity through node(id:) and nodes(ids:)', async () => {
    const data = dataOf(await api.query(`{
      film(slug: "the-matrix-1999") { id title
        roles(first: 1) { nodes { id kind } }
        genres { id name }
        franchises { franchise { id name } }
        reviews { nodes { id } } }
      person(slug: "keanu-reeves") { id name }
      character(slug: "neo") { id name }
      ballerina: film(slug: "ballerina-2025") { reviews { nodes { id publication } } } }`));
    const expected: [string, string, Record<string, unknown>][] = [
      [data.film.id, 'Film', { title: 'The Matrix' }],
      [data.person.id, 'Person', { name: 'Keanu Reeves' }],
      [data.character.id, 'Character', { name: 'Neo' }],
      [data.film.genres[0].id, 'Genre', { name: data.film.genres[0].name }],
      [data.film.franchises[0].franchise.id, 'Franchise', { name: 'The Matrix' }],
      [data.film.roles.nodes[0].id, 'Role', { kind: 'ACTOR' }],
      [data.ballerina.reviews.nodes[0].id, 'Review', { publication: 'Cinema from the Spectrum' }],
    ];
    const ids = expected.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    const back = dataOf(await api.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename
      ... on Film { title } ... on Person { name } ... on Character { name } ... on Genre { name }
      ... on Franchise { name } ... on Role { kind } ... on Review { publication } } }`, { ids: [...ids, 'film_nope', 'garbage'] }));
    expected.forEach(([id, typename, fields], i) => {
      expect(back.nodes[i]).toEqual({ id, __typename: typename, ...fields });
    });
    expect(back.nodes.slice(-2)).toEqual([null, null]);
    const one = dataOf(await api.query(`query ($id: ID!) { node(id: $id) { id ... on Person { slug } } }`, { id: data.person.id }));
    expect(one.node).toEqual({ id: data.person.id, slug: 'keanu-reeves' });
  });
});
