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

  it('pages a year range in release order as the films\' own dates order them, a date-less film last', async () => {
    // Year ranges in release order are read year by year (film.service.ts): check every page against the films themselves.
    const all = dataOf(await api.query(`{ films(first: 100) { nodes { id title year releaseDate genres { slug } } } }`)).films.nodes as {
      id: string; title: string; year: number | null; releaseDate: string | null; genres: { slug: string }[];
    }[];
    // A film of the seed without its date, so the last page must come from the general plan.
    const stripped = all.find((f) => f.title === 'Underworld')!;
    await api.db.write(`MATCH (f:Film {id: $id}) REMOVE f.releaseDate`, { id: stripped.id });
    try {
      const films = all.map((f) => (f.id === stripped.id ? { ...f, releaseDate: null } : f));
      for (const [yearFrom, yearTo, genres] of [[1999, 2024, []], [2003, 2007, []], [2014, 2023, ['action']], [1988, 2010, ['action', 'thriller']]] as [number, number, string[]][]) {
        for (const direction of ['ASC', 'DESC'] as const) {
          const expected = films
            .filter((f) => f.year !== null && f.year >= yearFrom && f.year <= yearTo && genres.every((g) => f.genres.some((x) => x.slug === g)))
            .sort((a, b) => {
              if ((a.releaseDate === null) !== (b.releaseDate === null)) return a.releaseDate === null ? 1 : -1;
              const byDate = a.releaseDate === b.releaseDate ? 0 : (a.releaseDate! < b.releaseDate! ? -1 : 1) * (direction === 'DESC' ? -1 : 1);
              return byDate !== 0 ? byDate : a.id < b.id ? -1 : 1;
            })
            .map((f) => f.title);
          const seen: string[] = [];
          let after: string | null = null;
          for (;;) {
            const data: any = dataOf(await api.query(FILMS, { filter: { yearFrom, yearTo, genres }, orderBy: { field: 'RELEASE_DATE', direction }, first: 2, after }));
            seen.push(...titles(data));
            if (!data.films.pageInfo.hasNextPage) break;
            after = data.films.pageInfo.endCursor;
          }
          expect({ yearFrom, yearTo, genres, direction, titles: seen }).toEqual({ yearFrom, yearTo, genres, direction, titles: expected });
        }
      }
      expect(stripped.year).toBe(2003);
    } finally {
      await resetToSeed(api.db);
    }
  });

  it('pages a release-order range whose first year fills the page, a late release of the year before included', async () => {
    // The first year walked settles a page alone only when no other year reaches past its last
    // film (film.service.ts). A 2030 film released in 2031 reaches into 2031's dates: newest
    // first it must still appear among them; oldest first, 2030 fills the first page by itself.
    const made = [
      ...['01', '02', '03', '04', '05'].map((day) => ({ id: `film_y2031_${day}`, title: `Reel 2031-${day}`, year: 2031, date: `2031-01-${day}` })),
      ...['02', '03', '04'].map((month) => ({ id: `film_y2030_${month}`, title: `Reel 2030-${month}`, year: 2030, date: `2030-${month}-01` })),
      { id: 'film_y2030_late', title: 'Reel 2030, released 2031', year: 2030, date: '2031-01-03' },
    ];
    await api.db.write(
      `UNWIND $made AS m CREATE (:Film {id: m.id, slug: toLower(replace(m.title, ' ', '-')), title: m.title, year: m.year, releaseDate: date(m.date), version: 1})`,
      { made },
    );
    try {
      for (const direction of ['ASC', 'DESC'] as const) {
        const expected = [...made]
          .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : (a.date < b.date ? -1 : 1) * (direction === 'DESC' ? -1 : 1)))
          .map((f) => f.title);
        for (const first of [2, 3, 4]) {
          const seen: string[] = [];
          let after: string | null = null;
          for (;;) {
            const data: any = dataOf(await api.query(FILMS, { filter: { yearFrom: 2030, yearTo: 2031 }, orderBy: { field: 'RELEASE_DATE', direction }, first, after }));
            seen.push(...titles(data));
            if (!data.films.pageInfo.hasNextPage) break;
            after = data.films.pageInfo.endCursor;
          }
          expect({ direction, first, titles: seen }).toEqual({ direction, first, titles: expected });
        }
      }
    } finally {
      await resetToSeed(api.db);
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
