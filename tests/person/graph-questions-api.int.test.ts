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
