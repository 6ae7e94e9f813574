/**
 * What a frontend needs to draw and link without guessing: each path step's kind of link and its
 * direction, each review mention's place in the text, and the name a search hit matched.
 */
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

async function idOf(kind: 'person' | 'film' | 'franchise', slug: string): Promise<string> {
  return dataOf(await api.query(`{ ${kind}(slug: "${slug}") { id } }`))[kind].id;
}

const STEPS = `steps { link direction from { id ... on Person { name } ... on Film { title } ... on Franchise { name } }
  to { id ... on Person { name } ... on Film { title } ... on Franchise { name } } role { kind } }`;

/** A step as the Explorer draws it: `A —KIND→ B` or `A ←KIND— B`. */
function drawn(step: any): string {
  const name = (node: any) => node.name ?? node.title;
  const label = step.role?.kind ?? step.link;
  return step.direction === 'FORWARD' ? `${name(step.from)} —${label}→ ${name(step.to)}` : `${name(step.from)} ←${label}— ${name(step.to)}`;
}

describe('path steps say their link and its direction', () => {
  it('Len Wiseman —DIRECTOR→ Ballerina ←ACTOR— Keanu Reeves', async () => {
    const [from, to] = [await idOf('person', 'len-wiseman'), await idOf('person', 'keanu-reeves')];
    const path = dataOf(await api.query(`query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { ${STEPS} } }`, { from, to })).shortestPath;
    expect(path.steps.map((step: any) => step.link)).toEqual(['CREDIT', 'CREDIT']);
    expect(path.steps.map(drawn)).toEqual(['Len Wiseman —DIRECTOR→ Ballerina', 'Ballerina ←ACTOR— Keanu Reeves']);
  });

  it('a film to the franchise it sits in and on to the larger one, and back', async () => {
    const [xMen, deadpool] = [await idOf('franchise', 'x-men'), await idOf('franchise', 'deadpool')];
    const down = dataOf(await api.query(`query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, via: [FRANCHISE]) { ${STEPS} } }`, { from: xMen, to: deadpool })).shortestPath;
    expect(down.steps.map(drawn)).toEqual(['X-Men ←FRANCHISE— Deadpool']);
    const up = dataOf(await api.query(`query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, via: [FRANCHISE]) { ${STEPS} } }`, { from: deadpool, to: xMen })).shortestPath;
    expect(up.steps.map(drawn)).toEqual(['Deadpool —FRANCHISE→ X-Men']);
    const film = await idOf('film', 'deadpool-2-2018');
    const fromFilm = dataOf(await api.query(`query ($from: ID!, $to: ID!) { allShortestPaths(from: $from, to: $to, via: [FRANCHISE]) { ${STEPS} } }`, { from: film, to: xMen })).allShortestPaths;
    expect(fromFilm[0].steps.map(drawn)).toEqual(['Deadpool 2 —FRANCHISE→ Deadpool', 'Deadpool —FRANCHISE→ X-Men']);
  });
});

describe('review mentions say where they are in the text', () => {
  it('body.slice(start, end) is each mention’s text, in the order the text names them', async () => {
    const review = dataOf(await api.query(`{ film(slug: "ballerina-2025") { reviews(first: 1) { nodes { body mentions { text start end entity { id } } } } } }`)).film.reviews.nodes[0];
    expect(review.mentions.length).toBeGreaterThan(3);
    for (const mention of review.mentions) {
      expect(review.body.slice(mention.start, mention.end)).toBe(mention.text);
    }
    const starts = review.mentions.map((m: any) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(review.mentions[0]).toMatchObject({ text: 'Len Wiseman', start: 0, end: 11 });
  });
});

describe('search hits say which name matched', () => {
  it('a film found by its alternative title names that title; one found by its title, the title', async () => {
    const SEARCH = `query ($q: String!) { search(query: $q, types: [FILM], first: 3) { matchedName entity { ... on Film { title } } } }`;
    const [byAlternative] = dataOf(await api.query(SEARCH, { q: 'from the world' })).search;
    expect(byAlternative).toEqual({ matchedName: 'From the World of John Wick: Ballerina', entity: { title: 'Ballerina' } });
    const [byTitle] = dataOf(await api.query(SEARCH, { q: 'balleri' })).search;
    expect(byTitle).toEqual({ matchedName: 'Ballerina', entity: { title: 'Ballerina' } });
  });

  it('a person found without diacritics names them as written', async () => {
    const [hit] = dataOf(await api.query(`{ search(query: "skarsgard", types: [PERSON]) { matchedName entity { ... on Person { name } } } }`)).search;
    expect(hit).toEqual({ matchedName: 'Bill Skarsgård', entity: { name: 'Bill Skarsgård' } });
  });
});
