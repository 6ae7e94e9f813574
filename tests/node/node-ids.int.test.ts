import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** node(id:) and nodes(ids:) as a frontend uses them: every kind of entity round-trips by its id. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

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
