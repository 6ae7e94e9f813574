/**
 * Paging backwards as Relay's loadPrevious does (last/before) visits every item of a connection
 * exactly once, in the same total order as paging forwards (first/after), with hasPreviousPage
 * and hasNextPage right at both ends; first/last and after/before combine as the Relay spec says.
 */
import { dataOf, errorCodes } from '../support/api';
import { countStatements } from '../support/neo4j';
import { payload, startWritingApi, WritingApi } from '../writes/support';

let api: WritingApi;
beforeAll(async () => {
  api = await startWritingApi();
  await api.resetToSeed();
  // A history and a feed long enough to page: nine edits of one film.
  const { id } = dataOf(await api.query('{ film(slug: "the-matrix-1999") { id } }')).film;
  for (let i = 0; i < 9; i += 1) {
    payload(await api.asEditor('mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { id } userErrors { field code message } } }', { input: { id, overview: `edit ${i}` } }), 'updateFilm');
  }
  // Eight reviews of John Wick naming Keanu Reeves, two of them undated and two on one day.
  const wick = dataOf(await api.query('{ film(slug: "john-wick-2014") { id } }')).film.id;
  const days = ['2014-10-24', '2014-10-25', '2014-10-25', null, '2015-01-02', '2019-05-17', null, '2023-03-24'];
  for (const [i, publishedOn] of days.entries()) {
    const input = { film: wick, author: `Critic ${i}`, body: `Keanu Reeves carries take ${i}.`, rating: i % 5, ratingScale: 5, publishedOn };
    payload(await api.asEditor('mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { review { id } userErrors { field code message } } }', { input }), 'submitReview');
  }
});
afterAll(() => api.close());

interface Page {
  ids: string[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** A connection field to page, as `(args) => query` and the path to its connection in the answer. */
interface Case {
  name: string;
  /** The connection's selection with `$args` where its page arguments go. */
  query: string;
  at: (data: any) => any;
  size: number;
}

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const VARS = '($first: Int, $after: String, $last: Int, $before: String)';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

const CASES: Case[] = [
  { name: 'films by title', query: `query ${VARS} { films(${ARGS}) { ${PAGE} } }`, at: (d) => d.films, size: 4 },
  { name: 'films newest first', query: `query ${VARS} { films(orderBy: {field: RELEASE_DATE, direction: DESC}, ${ARGS}) { ${PAGE} } }`, at: (d) => d.films, size: 3 },
  { name: 'people', query: `query ${VARS} { people(${ARGS}) { ${PAGE} } }`, at: (d) => d.people, size: 7 },
  { name: 'franchises', query: `query ${VARS} { franchises(${ARGS}) { ${PAGE} } }`, at: (d) => d.franchises, size: 2 },
  { name: 'a film’s roles', query: `query ${VARS} { film(slug: "ballerina-2025") { roles(${ARGS}) { ${PAGE} } } }`, at: (d) => d.film.roles, size: 3 },
  { name: 'a film’s reviews', query: `query ${VARS} { film(slug: "john-wick-2014") { title reviews(${ARGS}) { ${PAGE} } } }`, at: (d) => d.film.reviews, size: 3 },
  { name: 'reviews naming a person', query: `query ${VARS} { person(slug: "keanu-reeves") { mentionedIn(${ARGS}) { ${PAGE} } } }`, at: (d) => d.person.mentionedIn, size: 2 },
  { name: 'a filmography', query: `query ${VARS} { person(slug: "chad-stahelski") { name roles(${ARGS}) { ${PAGE} } } }`, at: (d) => d.person.roles, size: 2 },
  { name: 'a genre’s films', query: `query ${VARS} { genre(slug: "action") { films(${ARGS}) { ${PAGE} } } }`, at: (d) => d.genre.films, size: 4 },
  { name: 'the change feed', query: `query ${VARS} { changes(${ARGS}) { ${PAGE} } }`, at: (d) => d.changes, size: 4 },
  { name: 'a film’s history', query: `query ${VARS} { film(slug: "the-matrix-1999") { history(${ARGS}) { ${PAGE} } } }`, at: (d) => d.film.history, size: 3 },
];

async function page(test: Case, args: Record<string, unknown>): Promise<Page> {
  const connection = test.at(dataOf(await api.query(test.query, args)));
  return { ids: connection.edges.map((e: any) => e.node.id), cursors: connection.edges.map((e: any) => e.cursor), pageInfo: connection.pageInfo };
}

async function all(test: Case): Promise<string[]> {
  return (await page(test, { first: 100 })).ids;
}

describe.each(CASES)('$name', (test) => {
  it('visits every item exactly once backwards, in the order forwards gives', async () => {
    const everything = await all(test);
    expect(everything.length).toBeGreaterThan(test.size * 2);
    expect(new Set(everything).size).toBe(everything.length);

    const forwards: string[] = [];
    let after: string | null = null;
    for (let n = 0; ; n += 1) {
      const { ids, pageInfo } = await page(test, { first: test.size, after });
      expect(pageInfo.hasPreviousPage).toBe(n > 0);
      forwards.push(...ids);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }

    const backwards: string[][] = [];
    let before: string | null = null;
    for (let n = 0; ; n += 1) {
      const { ids, pageInfo } = await page(test, { last: test.size, before });
      expect(ids.length).toBeGreaterThan(0);
      expect(pageInfo.hasNextPage).toBe(n > 0);
      backwards.unshift(ids);
      if (!pageInfo.hasPreviousPage) break;
      before = pageInfo.startCursor;
    }

    expect(forwards).toEqual(everything);
    expect(backwards.flat()).toEqual(everything);
    // Each backward page but the first (the list's start) is full.
    expect(backwards.slice(1).every((ids) => ids.length === test.size)).toBe(true);
  });

  it('combines first, last, after and before as Relay says', async () => {
    const everything = await all(test);
    const { cursors } = await page(test, { first: 100 });
    // The items strictly between two cursors.
    const between = await page(test, { after: cursors[1], before: cursors[5], first: 100 });
    expect(between.ids).toEqual(everything.slice(2, 5));
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // The last two of the first five.
    const firstThenLast = await page(test, { first: 5, last: 2 });
    expect(firstThenLast.ids).toEqual(everything.slice(3, 5));
    expect(firstThenLast.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // Backwards from an edge's cursor: the items just before it.
    const justBefore = await page(test, { last: 3, before: cursors[5] });
    expect(justBefore.ids).toEqual(everything.slice(2, 5));
    expect(justBefore.cursors).toEqual(cursors.slice(2, 5));
    // The list's end and start.
    const end = await page(test, { last: 2 });
    expect(end.ids).toEqual(everything.slice(-2));
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const start = await page(test, { last: 10, before: cursors[1] });
    expect(start.ids).toEqual(everything.slice(0, 1));
    expect(start.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});

describe('look-ahead', () => {
  it('reads a backward page of a film’s reviews with the film, in one statement, as the resolver would', async () => {
    const test = CASES.find((c) => c.name === 'a film’s reviews')!;
    const { ids, cursors } = await page(test, { first: 100 });
    const query = `{ film(slug: "john-wick-2014") { title reviews(last: 3, before: "${cursors[5]}") { ${PAGE} } } }`;
    const { result, count } = await countStatements(api.db, () => api.query(query));
    expect(count).toBe(1);
    expect(dataOf(result).film.reviews.edges.map((e: any) => e.node.id)).toEqual(ids.slice(2, 5));
    // The same window asked forwards is the same page; a page from the end is the resolver's.
    const forwards = await page(test, { first: 3, after: cursors[1] });
    expect(forwards.ids).toEqual(ids.slice(2, 5));
    const { result: tail } = await countStatements(api.db, () => api.query(`{ film(slug: "john-wick-2014") { title reviews(last: 3) { ${PAGE} } } }`));
    expect(dataOf(tail).film.reviews.edges.map((e: any) => e.node.id)).toEqual(ids.slice(-3));
  });

  it('reads a backward page of a filmography with the person, in one statement', async () => {
    const test = CASES.find((c) => c.name === 'a filmography')!;
    const { ids, cursors } = await page(test, { first: 100 });
    const query = `{ person(slug: "chad-stahelski") { name roles(last: 2, before: "${cursors[4]}") { ${PAGE} } } }`;
    const { result, count } = await countStatements(api.db, () => api.query(query));
    expect(count).toBe(1);
    expect(dataOf(result).person.roles.edges.map((e: any) => e.node.id)).toEqual(ids.slice(2, 4));
  });
});

describe('bad backward arguments', () => {
  it.each([
    ['a malformed before', '{ films(last: 2, before: "not-a-cursor") { totalCount } }', 'before', /before: "not-a-cursor" is not a cursor/],
    ['a forged before', `{ people(before: "${Buffer.from('rg:-1').toString('base64url')}") { totalCount } }`, 'before', /before: .* is not a cursor/],
    ['a bad before on the feed', '{ changes(last: 2, before: "x") { totalCount } }', 'before', /before: "x" is not a cursor/],
    ['last out of bounds', '{ films(last: 101) { totalCount } }', 'last', /last must be between 0 and 100; got 101/],
    ['a negative last on a nested page', '{ film(slug: "ballerina-2025") { reviews(last: -1) { totalCount } } }', 'last', /last must be between 0 and 100; got -1/],
  ])('%s is BAD_USER_INPUT naming the argument', async (_, query, argument, message) => {
    const response = await api.query(query);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(message);
    expect(response.errors![0].extensions).toMatchObject({ argument });
  });

  it('counts a last page like a first page in the query cost', async () => {
    const first = await api.query('{ films(first: 3) { nodes { id } } }');
    const last = await api.query('{ films(last: 3) { nodes { id } } }');
    expect((last as any).extensions.cost.requested).toBe((first as any).extensions.cost.requested);
    expect((first as any).extensions.cost.requested).toBeLessThan((await api.query("{ films { nodes { id } } }") as any).extensions.cost.requested);
  });
});
