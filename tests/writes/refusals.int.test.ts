/**
 * What the writes refuse, and how: credentials and roles as GraphQL errors (with their HTTP
 * status), every expected failure as a user error naming the input field, and in every case
 * nothing stored: the graph, its versions and the change feed are exactly as before.
 */
import { ApiKeyStore } from '../../src/auth/api-keys';
import { GRAPHQL_RESPONSE, post } from '../http/support';
import { payload, startWritingApi, userErrorsOf, WritingApi } from './support';

let api: WritingApi;

beforeAll(async () => {
  api = await startWritingApi();
});
afterAll(() => api.close());
beforeEach(() => api.resetToSeed());

/** Everything a write could have touched: nodes and links by kind, every version, the feed's length. */
async function fingerprint(): Promise<string> {
  const [row] = await api.db.read<{ nodes: unknown; links: unknown; versions: number; changes: number; redirects: number }>(
    `CALL () { MATCH (n) RETURN collect(DISTINCT labels(n)[0]) AS kinds, count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS links }
     CALL () { MATCH (n) WHERE n.version IS NOT NULL RETURN sum(n.version) AS versions }
     CALL () { MATCH (c:Change) RETURN count(c) AS changes }
     CALL () { MATCH (r) WHERE r:SlugRedirect OR r:IdRedirect OR r:IdempotencyKey RETURN count(r) AS redirects }
     RETURN nodes, links, versions, changes, redirects`,
  );
  return JSON.stringify(row);
}

async function idOf(kind: 'film' | 'person', slug: string): Promise<string> {
  return (await api.query(`query ($slug: String!) { ${kind}(slug: $slug) { id } }`, { slug })).data[kind].id;
}

const CREATE_FILM = `mutation ($input: CreateFilmInput!) { createFilm(input: $input) { film { id slug } userErrors { field code message } } }`;
const UPDATE_FILM = `mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { id version title } userErrors { field code message } } }`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { field code message } } }`;
const UPDATE_PERSON = `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } userErrors { field code message } } }`;
const ADD_CREDIT = `mutation ($input: AddCreditInput!) { addCredit(input: $input) { role { id } userErrors { field code message } } }`;
const SUBMIT_REVIEW = `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { review { id } userErrors { field code message } } }`;
const DELETE_FILM = `mutation ($input: DeleteInput!) { deleteFilm(input: $input) { deletedId userErrors { field code message } } }`;
const MERGE_PEOPLE = `mutation ($input: MergeInput!) { mergePeople(input: $input) { person { id } userErrors { field code message } } }`;

describe('credentials and roles', () => {
  it('refuses a mutation without credentials: UNAUTHENTICATED, HTTP 401 for graphql-response+json clients', async () => {
    const before = await fingerprint();
    const answer = await post(api, { query: CREATE_FILM, variables: { input: { title: 'Nobody Wrote This', year: 2020 } } }, GRAPHQL_RESPONSE);
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.body.errors[0].message).toMatch(/Authorization: Bearer/);
    const legacy = await api.as(undefined, CREATE_FILM, { input: { title: 'Nobody Wrote This', year: 2020 } });
    expect(legacy.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses an editor a delete or a merge: FORBIDDEN, HTTP 403', async () => {
    const before = await fingerprint();
    const answer = await post(
      api,
      { query: DELETE_FILM, variables: { input: { id: await idOf('film', 'ballerina-2025') } } },
      GRAPHQL_RESPONSE,
      { authorization: `Bearer ${api.editorKey}` },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(answer.body.errors[0].message).toMatch(/ADMIN/);
    const merge = await api.asEditor(MERGE_PEOPLE, { input: { into: await idOf('person', 'keanu-reeves'), from: await idOf('person', 'ian-mcshane') } });
    expect(merge.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toBe(before);
  });

  it('stops taking a key the moment it is revoked', async () => {
    const keys = new ApiKeyStore(api.db);
    const { secret } = await keys.create('soon-gone', 'EDITOR');
    payload(await api.as(secret, CREATE_PERSON, { input: { name: 'First Person' } }), 'createPerson');
    await keys.revoke('soon-gone');
    const refused = await api.as(secret, CREATE_PERSON, { input: { name: 'Second Person' } });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { data } = await api.query(`{ people(filter: { nameContains: "Second Person" }) { totalCount } }`);
    expect(data.people.totalCount).toBe(0);
  });
});

describe('user errors name the input field, and store nothing', () => {
  const cases: [string, () => Promise<[string, string, Record<string, unknown>]>, { field: string[]; code: string; message: RegExp }][] = [
    ['an empty title', async () => [CREATE_FILM, 'createFilm', { title: '  ' }], { field: ['input', 'title'], code: 'INVALID', message: /title must not be empty/ }],
    ['a title too long', async () => [CREATE_FILM, 'createFilm', { title: 'x'.repeat(301) }], { field: ['input', 'title'], code: 'INVALID', message: /at most 300/ }],
    ['a year before films', async () => [CREATE_FILM, 'createFilm', { title: 'Too Early', year: 1850 }], { field: ['input', 'year'], code: 'INVALID', message: /from 1870/ }],
    ['a year too far ahead', async () => [CREATE_FILM, 'createFilm', { title: 'Too Late', year: new Date().getUTCFullYear() + 6 }], { field: ['input', 'year'], code: 'INVALID', message: /to \d{4}/ }],
    ['a runtime of zero', async () => [CREATE_FILM, 'createFilm', { title: 'Short', year: 2020, runtimeMinutes: 0 }], { field: ['input', 'runtimeMinutes'], code: 'INVALID', message: /above 0/ }],
    ['a year against the release date', async () => [CREATE_FILM, 'createFilm', { title: 'Odd', year: 2019, releaseDate: '2020-01-01' }], { field: ['input', 'year'], code: 'INVALID', message: /contradicts/ }],
    ['an unknown genre', async () => [CREATE_FILM, 'createFilm', { title: 'Genreless', year: 2020, genres: ['action', 'space-opera'] }], { field: ['input', 'genres', '1'], code: 'NOT_FOUND', message: /space-opera/ }],
    ['a taken IMDb id', async () => [CREATE_FILM, 'createFilm', { title: 'Copy', year: 2020, imdbId: 'tt2911666' }], { field: ['input', 'imdbId'], code: 'TAKEN', message: /john-wick-2014/ }],
    ['a malformed IMDb id', async () => [CREATE_FILM, 'createFilm', { title: 'Copy', year: 2020, imdbId: '2911666' }], { field: ['input', 'imdbId'], code: 'INVALID', message: /tt0000000/ }],
    ['a death before the birth', async () => [CREATE_PERSON, 'createPerson', { name: 'Backwards', birthYear: 1950, deathYear: 1940 }], { field: ['input', 'deathYear'], code: 'INVALID', message: /before birthYear/ }],
    [
      'a death before a stored birth',
      async () => {
        const id = await idOf('person', 'keanu-reeves');
        payload(await api.asEditor(UPDATE_PERSON, { input: { id, birthYear: 1964 } }), 'updatePerson');
        return [UPDATE_PERSON, 'updatePerson', { id, deathYear: 1960 }];
      }, { field: ['input', 'deathYear'], code: 'INVALID', message: /before birthYear 1964/ }],
    ['an id of the wrong kind', async () => [ADD_CREDIT, 'addCredit', { film: await idOf('person', 'keanu-reeves'), person: await idOf('person', 'keanu-reeves'), kind: 'ACTOR' }], { field: ['input', 'film'], code: 'INVALID', message: /id of a Film/ }],
    ['an unknown film', async () => [ADD_CREDIT, 'addCredit', { film: 'film_0000', person: await idOf('person', 'keanu-reeves'), kind: 'ACTOR' }], { field: ['input', 'film'], code: 'NOT_FOUND', message: /film_0000/ }],
    ['a duplicate credit', async () => [ADD_CREDIT, 'addCredit', { film: await idOf('film', 'john-wick-2014'), person: await idOf('person', 'keanu-reeves'), kind: 'ACTOR' }], { field: ['input', 'kind'], code: 'CONFLICT', message: /Keanu Reeves already has a ACTOR credit/ }],
    ['a billing order on crew', async () => [ADD_CREDIT, 'addCredit', { film: await idOf('film', 'john-wick-2014'), person: await idOf('person', 'ian-mcshane'), kind: 'PRODUCER', billingOrder: 2 }], { field: ['input', 'billingOrder'], code: 'INVALID', message: /ACTOR and SELF/ }],
    ['a rating beyond its scale', async () => [SUBMIT_REVIEW, 'submitReview', { film: await idOf('film', 'ballerina-2025'), body: 'Fine.', rating: 11, ratingScale: 10 }], { field: ['input', 'rating'], code: 'INVALID', message: /from 0 to its ratingScale 10/ }],
    ['a rating without a scale', async () => [SUBMIT_REVIEW, 'submitReview', { film: await idOf('film', 'ballerina-2025'), body: 'Fine.', rating: 4 }], { field: ['input', 'ratingScale'], code: 'INVALID', message: /needs its ratingScale/ }],
    ['an empty review', async () => [SUBMIT_REVIEW, 'submitReview', { film: await idOf('film', 'ballerina-2025'), body: '' }], { field: ['input', 'body'], code: 'INVALID', message: /body must not be empty/ }],
    ['a merge into itself', async () => [MERGE_PEOPLE, 'mergePeople', { into: await idOf('person', 'keanu-reeves'), from: await idOf('person', 'keanu-reeves') }], { field: ['input', 'from'], code: 'CONFLICT', message: /merged into themselves/ }],
    ['a stale version', async () => [UPDATE_FILM, 'updateFilm', { id: await idOf('film', 'ballerina-2025'), expectedVersion: 7, title: 'Late' }], { field: ['input', 'expectedVersion'], code: 'STALE', message: /at version 1, not 7/ }],
    ['a rename onto nothing', async () => [UPDATE_FILM, 'updateFilm', { id: 'film_missing', title: 'Ghost' }], { field: ['input', 'id'], code: 'NOT_FOUND', message: /film_missing/ }],
  ];

  it.each(cases)('%s', async (_name, make, expected) => {
    const [mutation, field, input] = await make();
    const mutate = mutation.includes('mergePeople') ? api.asAdmin : api.asEditor;
    const before = await fingerprint();
    const errors = userErrorsOf(await mutate(mutation, { input }), field);
    expect(errors).toEqual([{ field: expected.field, code: expected.code, message: expect.stringMatching(expected.message) }]);
    expect(await fingerprint()).toBe(before);
  });

  it('reports every bad field of one input at once', async () => {
    const errors = userErrorsOf(await api.asEditor(CREATE_FILM, { input: { title: '', year: 1700, runtimeMinutes: -5 } }), 'createFilm');
    expect(errors.map((e) => e.field.join('.'))).toEqual(['input.title', 'input.year', 'input.runtimeMinutes']);
  });

  it('a STALE write leaves the newer version in place', async () => {
    const id = await idOf('film', 'ballerina-2025');
    payload(await api.asEditor(UPDATE_FILM, { input: { id, expectedVersion: 1, overview: 'First edit' } }), 'updateFilm');
    const stale = userErrorsOf(await api.asEditor(UPDATE_FILM, { input: { id, expectedVersion: 1, overview: 'Second edit, from an old read' } }), 'updateFilm');
    expect(stale[0].code).toBe('STALE');
    const { data } = await api.query(`query ($id: ID!) { film(id: $id) { overview version } }`, { id });
    expect(data.film).toEqual({ overview: 'First edit', version: 2 });
  });
});

describe('idempotent creates', () => {
  it('answers a retried create with the first one and stores one film and one change', async () => {
    const input = { title: 'Retried Film', year: 2024, idempotencyKey: 'sync-job-41' };
    const first = payload(await api.asEditor(CREATE_FILM, { input }), 'createFilm').film;
    const again = payload(await api.asEditor(CREATE_FILM, { input }), 'createFilm').film;
    expect(again).toEqual(first);
    const { data } = await api.query(`{ films(filter: { titleContains: "Retried Film" }) { totalCount } changes(entityTypes: ["Film"], first: 100) { nodes { operation entityId } } }`);
    expect(data.films.totalCount).toBe(1);
    expect(data.changes.nodes.filter((c: any) => c.entityId === first.id)).toEqual([{ operation: 'CREATE', entityId: first.id }]);
  });

  it('answers retries racing each other with one film', async () => {
    const input = { name: 'Raced Person', idempotencyKey: 'race-7' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.asEditor(CREATE_PERSON, { input })));
    const ids = new Set(answers.map((answer) => payload(answer, 'createPerson').person.id));
    expect(ids.size).toBe(1);
    const { data } = await api.query(`{ people(filter: { nameContains: "Raced Person" }) { totalCount } }`);
    expect(data.people.totalCount).toBe(1);
  });

  it('refuses the same key with a different input', async () => {
    payload(await api.asEditor(CREATE_FILM, { input: { title: 'Keyed', year: 2024, idempotencyKey: 'k-1' } }), 'createFilm');
    const before = await fingerprint();
    const errors = userErrorsOf(await api.asEditor(CREATE_FILM, { input: { title: 'Keyed Differently', year: 2024, idempotencyKey: 'k-1' } }), 'createFilm');
    expect(errors).toEqual([{ field: ['input', 'idempotencyKey'], code: 'CONFLICT', message: expect.stringMatching(/different createFilm input/) }]);
    expect(await fingerprint()).toBe(before);
  });
});
