import net from 'node:net';
import { Database } from '../../src/db/database';
import { dataOf, errorCodes, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ maxQueryDepth: 12, maxQueryCost: 5_000 });
  await resetToSeed(api.db);
});
afterAll(() => api.close());

describe('bad input gets a clear error with a fixed code', () => {
  it.each([
    ['first above 100', '{ films(first: 101) { totalCount } }', /first must be between 0 and 100; got 101/],
    ['first below 0', '{ people(first: -1) { totalCount } }', /first must be between 0 and 100; got -1/],
    ['a nested first above 100', '{ film(slug: "ballerina-2025") { roles(first: 500) { totalCount } } }', /got 500/],
    ['a malformed cursor', '{ films(after: "not-a-cursor") { totalCount } }', /after: "not-a-cursor" is not a cursor/],
    ['a forged cursor', `{ films(after: "${Buffer.from('rg:-5').toString('base64url')}") { totalCount } }`, /is not a cursor/],
    ['film() without a key', '{ film { title } }', /film\(…\) takes exactly one of id, slug, imdbId; got none/],
    ['film() with two keys', '{ film(slug: "ballerina-2025", imdbId: "tt7181546") { title } }', /got slug and imdbId/],
    ['person() with two keys', '{ person(id: "x", slug: "y") { name } }', /got id and slug/],
    ['a year range backwards', '{ films(filter: {yearFrom: 2020, yearTo: 2010}) { totalCount } }', /yearFrom \(2020\) is after filter.yearTo \(2010\)/],
    ['search first above 100', '{ search(query: "wick", first: 1000) { score } }', /got 1000/],
  ])('%s is BAD_USER_INPUT', async (_name, query, message) => {
    const response = await api.query(query);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(message);
  });

  it('answers null, not an error, for an unknown slug or id', async () => {
    const data = dataOf(await api.query('{ film(slug: "no-such-film") { title } person(imdbId: "nm9999999") { name } node(id: "film_0") { id } genre(slug: "western") { name } }'));
    expect(data).toEqual({ film: null, person: null, node: null, genre: null });
  });

  it('accepts first: 0 and returns an empty page with the count', async () => {
    const data = dataOf(await api.query('{ films(first: 0) { totalCount nodes { title } pageInfo { hasNextPage } } }'));
    expect(data.films).toEqual({ totalCount: 14, nodes: [], pageInfo: { hasNextPage: true } });
  });

  it('rejects a query deeper than the limit before touching the database', async () => {
    const before = api.db.statementCount;
    // film 1, cast 2, person 3, roles 4, nodes 5, film 6, cast 7, person 8, roles 9, nodes 10, film 11, cast 12, billingOrder 13
    const deep = '{ film(slug: "john-wick-2014") { cast { person { roles { nodes { film { cast { person { roles { nodes { film { cast { billingOrder } } } } } } } } } } } } }';
    const response = await api.query(deep);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_DEEP']);
    expect(response.errors![0].message).toMatch(/13 levels deep; at most 12/);
    expect(api.db.statementCount).toBe(before);
  });

  it('counts depth through fragments but not introspection', async () => {
    const viaFragment = await api.query(`fragment P on Person { roles { nodes { film { cast { person { roles { nodes { film { cast { billingOrder } } } } } } } } } }
      { film(slug: "john-wick-2014") { cast { person { ...P } } } }`);
    expect(errorCodes(viaFragment)).toEqual(['QUERY_TOO_DEEP']);
    const atTheLimit = await api.query('{ film(slug: "john-wick-2014") { cast { person { roles(first: 2) { nodes { film { cast { person { roles(first: 2) { nodes { film { title } } } } } } } } } } } }');
    expect(atTheLimit.errors).toBeUndefined();
    const introspection = await api.query('{ __schema { types { name fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }');
    expect(introspection.errors).toBeUndefined();
  });

  it('rejects a query whose nested pages multiply past the cost limit', async () => {
    const response = await api.query('query ($n: Int) { films(first: 100) { nodes { roles(first: $n) { nodes { person { roles(first: 100) { totalCount } } } } } } }', { n: 100 });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.errors![0].message).toMatch(/at most 5000 are allowed/);
  });

  it('reports syntax errors and unknown fields with GraphQL’s own codes', async () => {
    expect(errorCodes(await api.query('{ film(slug: "x") { title '))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(errorCodes(await api.query('{ film(slug: "x") { budget } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('when Neo4j is unreachable', () => {
  let down: TestApi;
  let production: TestApi;
  beforeAll(async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const deadDb = () => Database.connect(`bolt://127.0.0.1:${port}`, 'neo4j', '', undefined, 2_000);
    down = await startTestApi({}, deadDb());
    production = await startTestApi({ production: true }, deadDb());
  });
  afterAll(async () => {
    await down.close();
    await production.close();
  });

  it('answers SERVICE_UNAVAILABLE and keeps serving', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await down.query('{ film(slug: "ballerina-2025") { title } }');
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(response.data).toEqual({ film: null });
    }
  });

  it('says so on /health with 503, and 200 when Neo4j is up', async () => {
    const bad = await fetch(new URL('/health', down.app.url));
    expect(bad.status).toBe(503);
    expect(await bad.json()).toEqual({ status: 'degraded', api: 'up', neo4j: 'down' });
    const good = await fetch(new URL('/health', api.app.url));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ status: 'ok', api: 'up', neo4j: 'up' });
  });

  it('shows no stack traces in production', async () => {
    const response = await production.query('{ film(slug: "ballerina-2025") { title } }');
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js/);
    const devResponse = await down.query('{ film(slug: "ballerina-2025") { title } }');
    expect(devResponse.errors![0].extensions).toHaveProperty('stacktrace');
  });
});
