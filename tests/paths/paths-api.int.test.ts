import { dataOf, errorCodes, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * The graph questions over GraphQL, answers worked out by hand from the seed facts (the services'
 * own tests beside this one go deeper; these check the API wiring end to end).
 */
let api: TestApi;
const ids: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
  const data = dataOf(await api.query(`{
    len: person(slug: "len-wiseman") { id } keanu: person(slug: "keanu-reeves") { id }
    bruce: person(slug: "bruce-willis") { id } }`));
  for (const [name, value] of Object.entries(data)) ids[name] = (value as { id: string }).id;
});
afterAll(() => api.close());

const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops) {
    length
    nodes { __typename ... on Person { name } ... on Film { title } }
    steps { from { id } to { id } role { kind person { name } film { title } } }
  } }`;
const label = (n: any) => n.name ?? n.title;

describe('paths', () => {
  it('links Len Wiseman to Keanu Reeves through Ballerina in two hops', async () => {
    const { shortestPath } = dataOf(await api.query(PATH, { from: ids.len, to: ids.keanu }));
    expect(shortestPath.length).toBe(2);
    expect(shortestPath.nodes.map(label)).toEqual(['Len Wiseman', 'Ballerina', 'Keanu Reeves']);
    expect(shortestPath.steps.map((s: any) => `${s.role.person.name} ${s.role.kind} ${s.role.film.title}`)).toEqual([
      'Len Wiseman DIRECTOR Ballerina',
      'Keanu Reeves ACTOR Ballerina',
    ]);
    expect(shortestPath.steps[0].from.id).toBe(ids.len);
    expect(shortestPath.steps[1].to.id).toBe(ids.keanu);
  });

  it('needs four hops from Bruce Willis to Keanu Reeves, and none within three', async () => {
    const { shortestPath } = dataOf(await api.query(PATH, { from: ids.bruce, to: ids.keanu }));
    expect(shortestPath.length).toBe(4);
    expect(shortestPath.nodes.map(label)).toEqual(['Bruce Willis', 'Live Free or Die Hard', 'Len Wiseman', 'Ballerina', 'Keanu Reeves']);
    expect(dataOf(await api.query(PATH, { from: ids.bruce, to: ids.keanu, maxHops: 3 })).shortestPath).toBeNull();
  });

  it('refuses more than ten hops', async () => {
    const response = await api.query(PATH, { from: ids.bruce, to: ids.keanu, maxHops: 11 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/maxHops/);
  });

  it('lists every shortest path once per sequence of entities', async () => {
    const { allShortestPaths } = dataOf(await api.query(`query ($from: ID!, $to: ID!) {
      allShortestPaths(from: $from, to: $to) { length nodes { ... on Person { name } ... on Film { title } } } }`, { from: ids.len, to: ids.keanu }));
    expect(allShortestPaths.map((p: any) => p.nodes.map(label).join(' > '))).toEqual(['Len Wiseman > Ballerina > Keanu Reeves']);
  });
});
