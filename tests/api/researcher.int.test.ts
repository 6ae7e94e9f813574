import { dataOf, errorCodes, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * The graph questions over GraphQL, answers worked out by hand from the seed facts (the services'
 * own tests in tests/graph go deeper; these check the API wiring end to end).
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

describe('people and franchises', () => {
  it('names Chad Stahelski as Keanu Reeves’ closest collaborator', async () => {
    const { person } = dataOf(await api.query(`{ person(slug: "keanu-reeves") { collaborators(first: 3) { count person { name } films { title } } } }`));
    expect(person.collaborators[0].person.name).toBe('Chad Stahelski');
    expect(person.collaborators[0].count).toBe(6);
    expect(person.collaborators[0].films.map((f: any) => f.title)).toEqual([
      'Ballerina', 'John Wick: Chapter 4', 'John Wick: Chapter 3 – Parabellum', 'John Wick: Chapter 2', 'John Wick', 'The Matrix',
    ]);
  });

  it('finds who worked on all five John Wick films', async () => {
    const { franchise } = dataOf(await api.query(`{ franchise(slug: "john-wick") { people(minFilms: 5) { kinds person { name } films { title } } } }`));
    expect(franchise.people.map((p: any) => `${p.person.name}: ${p.kinds.join('+')}`).sort()).toEqual([
      'Basil Iwanyk: PRODUCER',
      'Chad Stahelski: DIRECTOR+PRODUCER',
      'Ian McShane: ACTOR',
      'Keanu Reeves: ACTOR',
      'Lance Reddick: ACTOR',
    ]);
    for (const p of franchise.people) expect(p.films).toHaveLength(5);
  });

  it('gives Len Wiseman’s franchises and his role in each', async () => {
    const { person } = dataOf(await api.query(`{ person(slug: "len-wiseman") { franchises { kinds franchise { name } films { title } } } }`));
    const byName = Object.fromEntries(person.franchises.map((f: any) => [f.franchise.name, [f.kinds, f.films.map((x: any) => x.title)]]));
    expect(byName).toEqual({
      Underworld: [['DIRECTOR'], ['Underworld', 'Underworld: Evolution']],
      'Die Hard': [['DIRECTOR'], ['Live Free or Die Hard']],
      'John Wick': [['DIRECTOR'], ['Ballerina']],
    });
  });
});

describe('related films and review mentions', () => {
  it('ranks the John Wick chapters closest to Ballerina, with reasons', async () => {
    const { film } = dataOf(await api.query(`{ film(slug: "ballerina-2025") { related(first: 5) { score film { title }
      reasons { kind via { __typename ... on Franchise { name } ... on Person { name } ... on Genre { name } } } } } }`));
    expect(film.related.map((r: any) => [r.film.title, r.score])).toEqual([
      ['John Wick: Chapter 3 – Parabellum', 20],
      ['John Wick: Chapter 4', 18],
      ['John Wick: Chapter 2', 16.5],
      ['John Wick', 15],
      ['The Matrix', 4],
    ]);
    const chapter3 = film.related[0].reasons.map((r: any) => `${r.kind} ${r.via.name}`);
    expect(chapter3).toContain('SAME_FRANCHISE John Wick');
    expect(chapter3).toContain('SHARED_CAST Anjelica Huston');
    expect(chapter3).toContain('SHARED_CREW Chad Stahelski');
    expect(chapter3).toContain('SHARED_GENRE Action');
  });

  it('links the Ballerina review to what its text names', async () => {
    const { film } = dataOf(await api.query(`{ film(slug: "ballerina-2025") { reviews { nodes { mentions { text entity { __typename
      ... on Person { name } ... on Film { title } ... on Franchise { name } ... on Character { name } } } } } } }`));
    const mentions = film.reviews.nodes[0].mentions.map((m: any) => `${m.entity.__typename}:${m.entity.name ?? m.entity.title}`);
    expect(mentions).toEqual([
      'Person:Len Wiseman',
      'Film:Ballerina',
      'Franchise:John Wick',
      'Person:Ana de Armas',
      'Character:Eve Macarro',
      'Person:Chad Stahelski',
      'Person:David Leitch',
      'Person:Dan Laustsen',
      'Person:Gabriel Byrne',
    ]);
    const mentionedIn = dataOf(await api.query(`{ person(slug: "chad-stahelski") { mentionedIn { totalCount nodes { publication film { title } } } }
      franchise(slug: "john-wick") { mentionedIn { totalCount } } film(slug: "john-wick-2014") { mentionedIn { totalCount } } }`));
    expect(mentionedIn.person.mentionedIn).toEqual({ totalCount: 1, nodes: [{ publication: 'Cinema from the Spectrum', film: { title: 'Ballerina' } }] });
    expect(mentionedIn.franchise.mentionedIn.totalCount).toBe(1);
    // "the John Wick franchise" names the franchise, not the 2014 film.
    expect(mentionedIn.film.mentionedIn.totalCount).toBe(0);
  });
});
