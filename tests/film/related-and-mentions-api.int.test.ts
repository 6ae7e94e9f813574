import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * Graph questions over GraphQL, answers worked out by hand from the seed facts (the services'
 * own tests go deeper; these check the API wiring end to end).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

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
