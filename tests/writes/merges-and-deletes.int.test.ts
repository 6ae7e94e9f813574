/**
 * Merges, deletes and the all-or-nothing rule: a merge moves every link and leaves the old id and
 * slug answering the survivor; a delete takes the film's credits and reviews with it, each in the
 * feed; a write that fails or whose process dies half-way leaves the graph as it was.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { filmWrites } from '../../src/film/film.writes';
import { inWrite } from '../../src/writes/write';
import { payload, startWritingApi, WritingApi } from './support';

let api: WritingApi;

beforeAll(async () => {
  api = await startWritingApi();
});
afterAll(() => api.close());
beforeEach(() => api.resetToSeed());

async function idOf(kind: 'film' | 'person', slug: string): Promise<string> {
  return (await api.query(`query ($slug: String!) { ${kind}(slug: $slug) { id } }`, { slug })).data[kind].id;
}
const CREATE_FILM = `mutation ($input: CreateFilmInput!) { createFilm(input: $input) { film { id slug } userErrors { field code message } } }`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id slug } userErrors { field code message } } }`;
const ADD_CREDIT = `mutation ($input: AddCreditInput!) { addCredit(input: $input) { role { id } userErrors { field code message } } }`;
const SUBMIT_REVIEW = `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { review { id } userErrors { field code message } } }`;

async function graphSize(): Promise<{ nodes: number; links: number; changes: number }> {
  const [row] = await api.db.read<{ nodes: number; links: number; changes: number }>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS links }
     CALL () { MATCH (c:Change) RETURN count(c) AS changes } RETURN nodes, links, changes`,
  );
  return row;
}

test('merging a duplicate person moves their credits, folds a repeated one, and leaves the old id and slug answering the survivor', async () => {
  const keanu = await idOf('person', 'keanu-reeves');
  const johnWick = await idOf('film', 'john-wick-2014');
  const duplicate = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Keanu Reeves', birthYear: 1964 } }), 'createPerson').person;
  expect(duplicate.slug).toBe('keanu-reeves-2');
  const constantine = payload(await api.asEditor(CREATE_FILM, { input: { title: 'Constantine', year: 2005 } }), 'createFilm').film;
  payload(await api.asEditor(ADD_CREDIT, { input: { film: constantine.id, person: duplicate.id, kind: 'ACTOR', characters: ['John Constantine'] } }), 'addCredit');
  payload(await api.asEditor(ADD_CREDIT, { input: { film: johnWick, person: duplicate.id, kind: 'ACTOR', characters: ['Jonathan Wick'] } }), 'addCredit');

  const merged = payload(
    await api.asAdmin(`mutation ($input: MergeInput!) { mergePeople(input: $input) { person { id name birthYear version } userErrors { field code message } } }`, {
      input: { into: keanu, from: duplicate.id },
    }),
    'mergePeople',
  ).person;
  expect(merged).toEqual({ id: keanu, name: 'Keanu Reeves', birthYear: 1964, version: 2 });

  const { data } = await api.query(
    `query ($old: ID!) {
      byOldId: node(id: $old) { id }
      byOldSlug: person(slug: "keanu-reeves-2") { id }
      keanu: person(slug: "keanu-reeves") { roles(first: 50) { nodes { kind characters billingOrder film { title } } } history(first: 5) { nodes { operation fields { field after } } } }
      johnWick: film(slug: "john-wick-2014") { cast { person { id } characters billingOrder } }
    }`,
    { old: duplicate.id },
  );
  expect(data.byOldId).toEqual({ id: keanu });
  expect(data.byOldSlug).toEqual({ id: keanu });
  const films = data.keanu.roles.nodes.map((r: any) => r.film.title);
  expect(films).toContain('Constantine');
  const wick = data.johnWick.cast.filter((r: any) => r.person.id === keanu);
  expect(wick).toEqual([{ person: { id: keanu }, characters: ['John Wick', 'Jonathan Wick'], billingOrder: 1 }]);
  expect(data.johnWick.cast.some((r: any) => r.person.id === duplicate.id)).toBe(false);
  expect(data.keanu.history.nodes[0]).toEqual({ operation: 'MERGE', fields: expect.arrayContaining([{ field: 'mergedFrom', after: duplicate.id }]) });
  const gone = await api.db.read(`MATCH (p:Person {id: $id}) RETURN p`, { id: duplicate.id });
  expect(gone).toEqual([]);
});

test('merging a duplicate film moves its cast after the survivor\'s, its reviews and genres, and redirects its slug', async () => {
  const ballerina = await idOf('film', 'ballerina-2025');
  const copy = payload(await api.asEditor(CREATE_FILM, { input: { title: 'Ballerina', year: 2025, genres: ['thriller'] } }), 'createFilm').film;
  expect(copy.slug).toBe('ballerina-2025-2');
  const extra = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Catalina Sandino Moreno' } }), 'createPerson').person;
  payload(await api.asEditor(ADD_CREDIT, { input: { film: copy.id, person: extra.id, kind: 'ACTOR', characters: ['Lena'] } }), 'addCredit');
  payload(await api.asEditor(ADD_CREDIT, { input: { film: copy.id, person: await idOf('person', 'ana-de-armas'), kind: 'ACTOR', characters: ['Eve Macarro'] } }), 'addCredit');
  const review = payload(await api.asEditor(SUBMIT_REVIEW, { input: { film: copy.id, body: 'A short note on the copy.' } }), 'submitReview').review;
  const castBefore = (await api.query(`{ film(slug: "ballerina-2025") { cast { person { name } billingOrder } } }`)).data.film.cast;

  payload(await api.asAdmin(`mutation ($input: MergeInput!) { mergeFilms(input: $input) { film { id } userErrors { field code message } } }`, { input: { into: ballerina, from: copy.id } }), 'mergeFilms');

  const { data } = await api.query(
    `query ($old: ID!) {
      node(id: $old) { id }
      old: film(slug: "ballerina-2025-2") { id }
      film(slug: "ballerina-2025") { cast { person { name } billingOrder characters } genres { slug } reviews { nodes { id } } }
    }`,
    { old: copy.id },
  );
  expect(data.node).toEqual({ id: ballerina });
  expect(data.old).toEqual({ id: ballerina });
  const names = data.film.cast.map((r: any) => r.person.name);
  expect(names.slice(0, castBefore.length)).toEqual(castBefore.map((r: any) => r.person.name));
  expect(names.filter((name: string) => name === 'Ana de Armas')).toHaveLength(1);
  expect(names[names.length - 1]).toBe('Catalina Sandino Moreno');
  expect(new Set(data.film.cast.map((r: any) => r.billingOrder)).size).toBe(data.film.cast.length);
  expect(data.film.genres.map((g: any) => g.slug)).toContain('thriller');
  expect(data.film.reviews.nodes.map((r: any) => r.id)).toContain(review.id);
});

test('deleting a film takes its credits, franchise entries and reviews with it, each in the feed', async () => {
  const ballerina = await idOf('film', 'ballerina-2025');
  const { data: before } = await api.query(`{ film(slug: "ballerina-2025") { roles(first: 100) { nodes { id } } reviews { nodes { id } } } franchise(slug: "john-wick") { entries { film { id } } } }`);
  expect(before.film.roles.nodes.length).toBeGreaterThan(3);
  const answer = payload(await api.asAdmin(`mutation ($input: DeleteInput!) { deleteFilm(input: $input) { deletedId userErrors { field code message } } }`, { input: { id: ballerina, expectedVersion: 1 } }), 'deleteFilm');
  expect(answer.deletedId).toBe(ballerina);

  const { data } = await api.query(
    `query ($id: ID!) { film(id: $id) { id } slug: film(slug: "ballerina-2025") { id } franchise(slug: "john-wick") { entries { film { id } } } changes(first: 100, after: null, entityTypes: ["Film", "Role", "Review"]) { nodes { operation entityType entityId entity { id } } } }`,
    { id: ballerina },
  );
  expect(data.film).toBeNull();
  expect(data.slug).toBeNull();
  expect(data.franchise.entries.map((f: any) => f.film.id)).not.toContain(ballerina);
  const deletes = data.changes.nodes.filter((c: any) => c.operation === 'DELETE');
  expect(deletes).toContainEqual({ operation: 'DELETE', entityType: 'Film', entityId: ballerina, entity: null });
  for (const role of before.film.roles.nodes) expect(deletes).toContainEqual({ operation: 'DELETE', entityType: 'Role', entityId: role.id, entity: null });
  for (const review of before.film.reviews.nodes) expect(deletes).toContainEqual({ operation: 'DELETE', entityType: 'Review', entityId: review.id, entity: null });
  const orphans = await api.db.read(`MATCH (r:Role) WHERE NOT (r)-[:ON_FILM]->() RETURN r`);
  expect(orphans).toEqual([]);
});

test('a write that fails half-way leaves the graph as it was', async () => {
  const before = await graphSize();
  await expect(
    inWrite(api.db, 'failing-writer', async (write) => {
      await filmWrites.create(write, { title: 'Half Written', year: 2020 });
      throw new Error('the disk caught fire');
    }),
  ).rejects.toThrow('the disk caught fire');
  expect(await graphSize()).toEqual(before);
  const { data } = await api.query(`{ films(filter: { titleContains: "Half Written" }) { totalCount } }`);
  expect(data.films.totalCount).toBe(0);
});

test('a writer process killed mid-transaction leaves nothing behind', async () => {
  const before = await graphSize();
  const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'dies-mid-write.cjs'), 'Never Committed'], {
    env: { ...process.env, NEO4J_URI: process.env.REELGRAPH_TEST_NEO4J_URI },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve());
    child.on('exit', (code) => reject(new Error(`the writer ended (${code}) before writing`)));
  });
  // The film is written inside the open transaction: other readers do not see it.
  const { data: during } = await api.query(`{ films(filter: { titleContains: "Never Committed" }) { totalCount } }`);
  expect(during.films.totalCount).toBe(0);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  const { data } = await api.query(`{ films(filter: { titleContains: "Never Committed" }) { totalCount } }`);
  expect(data.films.totalCount).toBe(0);
  expect(await graphSize()).toEqual(before);
});
