/**
 * The happy paths of the writes as an editor uses them, through HTTP with an editor's API key on
 * the seed graph: each test checks what the editor would look at afterwards.
 */
import { payload, startWritingApi, WritingApi } from './support';

let api: WritingApi;

beforeAll(async () => {
  api = await startWritingApi();
});
afterAll(() => api.close());
beforeEach(() => api.resetToSeed());

const ID_OF_FILM = `query ($slug: String!) { film(slug: $slug) { id slug title version } }`;
const ID_OF_PERSON = `query ($slug: String!) { person(slug: $slug) { id } }`;
const CAST = `query ($slug: String!) { film(slug: $slug) { cast { id billingOrder person { name } characters } } }`;

async function filmId(slug: string): Promise<string> {
  return (await api.query(ID_OF_FILM, { slug })).data.film.id;
}
async function personId(slug: string): Promise<string> {
  return (await api.query(ID_OF_PERSON, { slug })).data.person.id;
}
async function castOf(slug: string): Promise<{ id: string; billingOrder: number; name: string; characters: string[] }[]> {
  const { data } = await api.query(CAST, { slug });
  return data.film.cast.map((r: any) => ({ id: r.id, billingOrder: r.billingOrder, name: r.person.name, characters: r.characters }));
}

const CREATE_FILM = `mutation ($input: CreateFilmInput!) {
  createFilm(input: $input) { film { id slug title year releaseDate runtimeMinutes genres { slug } version createdAt createdBy } userErrors { field code message } }
}`;
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id slug name } userErrors { field code message } } }`;
const ADD_CREDIT = `mutation ($input: AddCreditInput!) {
  addCredit(input: $input) { role { id kind billingOrder credited characters version person { name } film { title } } userErrors { field code message } }
}`;

test('an editor adds a film and its cast, and the film page shows them in billing order', async () => {
  const film = payload(
    await api.asEditor(CREATE_FILM, { input: { title: 'The Killer', releaseDate: '2023-10-27', runtimeMinutes: 118, genres: ['thriller', 'crime'] } }),
    'createFilm',
  ).film;
  expect(film).toMatchObject({ slug: 'the-killer-2023', title: 'The Killer', year: 2023, releaseDate: '2023-10-27', runtimeMinutes: 118, version: 1 });
  expect(film.genres.map((g: { slug: string }) => g.slug).sort()).toEqual(['crime', 'thriller']);
  expect(film.createdBy).toMatch(/^test-editor-/);
  expect(Date.parse(film.createdAt)).toBeGreaterThan(Date.now() - 60_000);

  const fassbender = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Michael Fassbender', birthYear: 1977 } }), 'createPerson').person;
  const swinton = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Tilda Swinton', birthYear: 1960 } }), 'createPerson').person;
  expect(fassbender.slug).toBe('michael-fassbender');
  const lead = payload(await api.asEditor(ADD_CREDIT, { input: { film: film.id, person: fassbender.id, kind: 'ACTOR', characters: ['The Killer'] } }), 'addCredit').role;
  expect(lead).toMatchObject({ kind: 'ACTOR', billingOrder: 1, credited: true, version: 1, person: { name: 'Michael Fassbender' }, film: { title: 'The Killer' } });
  payload(await api.asEditor(ADD_CREDIT, { input: { film: film.id, person: swinton.id, kind: 'ACTOR', characters: ['The Expert'] } }), 'addCredit');

  expect(await castOf('the-killer-2023')).toEqual([
    { id: lead.id, billingOrder: 1, name: 'Michael Fassbender', characters: ['The Killer'] },
    expect.objectContaining({ billingOrder: 2, name: 'Tilda Swinton', characters: ['The Expert'] }),
  ]);
  // Searchable at once: the full-text index is not eventually consistent.
  const { data } = await api.query(`{ search(query: "the killer", types: [FILM]) { entity { ... on Film { id } } } }`);
  expect(data.search.map((hit: any) => hit.entity.id)).toContain(film.id);
});

test('moving a billing order moves the cast between the old and the new place by one', async () => {
  const before = await castOf('john-wick-2014');
  const dafoe = before.find((r) => r.name === 'Willem Dafoe')!;
  expect(dafoe.billingOrder).toBe(4);
  const moved = payload(
    await api.asEditor(`mutation ($input: UpdateCreditInput!) { updateCredit(input: $input) { role { billingOrder version } userErrors { field code message } } }`, {
      input: { id: dafoe.id, billingOrder: 2 },
    }),
    'updateCredit',
  ).role;
  expect(moved).toEqual({ billingOrder: 2, version: 2 });
  const after = await castOf('john-wick-2014');
  expect(after.map((r) => r.name)).toEqual(['Keanu Reeves', 'Willem Dafoe', 'Michael Nyqvist', 'Alfie Allen', ...before.slice(4).map((r) => r.name)]);
  expect(after.map((r) => r.billingOrder)).toEqual(before.map((r) => r.billingOrder));

  // An insert at a place moves the roles at and after it down one.
  const newcomer = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Toby Leonard Moore' } }), 'createPerson').person;
  payload(await api.asEditor(ADD_CREDIT, { input: { film: await filmId('john-wick-2014'), person: newcomer.id, kind: 'ACTOR', billingOrder: 3, characters: ['Victor'] } }), 'addCredit');
  const inserted = await castOf('john-wick-2014');
  expect(inserted.slice(0, 4).map((r) => `${r.billingOrder} ${r.name}`)).toEqual(['1 Keanu Reeves', '2 Willem Dafoe', '3 Toby Leonard Moore', '4 Michael Nyqvist']);
  expect(new Set(inserted.map((r) => r.billingOrder)).size).toBe(inserted.length);
});

test("an editor adds John Wick's uncredited co-director, and the film lists both directors", async () => {
  // The seed holds David Leitch's uncredited direction already; an admin removes it first.
  const DIRECTORS = `{ film(slug: "john-wick-2014") { directors { name } crew { id kind credited person { name } } } }`;
  const leitchRole = (await api.query(DIRECTORS)).data.film.crew.find((r: any) => r.kind === 'DIRECTOR' && r.person.name === 'David Leitch');
  payload(await api.asAdmin(`mutation ($input: DeleteInput!) { removeCredit(input: $input) { deletedId userErrors { field code message } } }`, { input: { id: leitchRole.id } }), 'removeCredit');
  expect((await api.query(DIRECTORS)).data.film.directors).toEqual([{ name: 'Chad Stahelski' }]);

  const added = payload(
    await api.asEditor(ADD_CREDIT, { input: { film: await filmId('john-wick-2014'), person: await personId('david-leitch'), kind: 'DIRECTOR', credited: false } }),
    'addCredit',
  ).role;
  expect(added).toMatchObject({ kind: 'DIRECTOR', credited: false, billingOrder: null });
  const { data } = await api.query(DIRECTORS);
  expect(data.film.directors.map((d: any) => d.name).sort()).toEqual(['Chad Stahelski', 'David Leitch']);
  expect(data.film.crew.find((r: any) => r.id === added.id)).toMatchObject({ credited: false, person: { name: 'David Leitch' } });
});

test('a submitted review is stored with its mentions linked, and the film shows it', async () => {
  const ballerina = await filmId('ballerina-2025');
  const review = payload(
    await api.asEditor(
      `mutation ($input: SubmitReviewInput!) {
        submitReview(input: $input) {
          review { id headline score version film { title } mentions { text entity { __typename ... on Person { name } ... on Franchise { name } ... on Film { title } } } }
          userErrors { field code message }
        }
      }`,
      {
        input: {
          film: ballerina,
          headline: 'A dancer joins the Ruska Roma',
          body: 'Ana de Armas carries the fights, and Keanu Reeves drops by; it sits well beside John Wick: Chapter 4 in the John Wick world.',
          publication: 'Reelgraph Notes',
          author: 'Test Critic',
          rating: 7,
          ratingScale: 10,
          publishedOn: '2025-06-06',
        },
      },
    ),
    'submitReview',
  ).review;
  expect(review).toMatchObject({ headline: 'A dancer joins the Ruska Roma', score: 70, version: 1, film: { title: 'Ballerina' } });
  const named = review.mentions.map((m: any) => m.entity.name ?? m.entity.title);
  expect(named).toEqual(expect.arrayContaining(['Ana de Armas', 'Keanu Reeves', 'John Wick: Chapter 4']));
  const { data } = await api.query(`{ film(slug: "ballerina-2025") { reviews { nodes { id } } } person(slug: "ana-de-armas") { mentionedIn { nodes { id } } } }`);
  expect(data.film.reviews.nodes.map((r: any) => r.id)).toContain(review.id);
  expect(data.person.mentionedIn.nodes.map((r: any) => r.id)).toContain(review.id);
});

test('a renamed film gets a new slug and its old slug keeps leading to it', async () => {
  const id = await filmId('ballerina-2025');
  const renamed = payload(
    await api.asEditor(`mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { id slug title version } userErrors { field code message } } }`, {
      input: { id, title: 'From the World of John Wick: Ballerina', expectedVersion: 1 },
    }),
    'updateFilm',
  ).film;
  expect(renamed).toEqual({ id, slug: 'from-the-world-of-john-wick-ballerina-2025', title: 'From the World of John Wick: Ballerina', version: 2 });
  const { data } = await api.query(`{ old: film(slug: "ballerina-2025") { id title } fresh: film(slug: "from-the-world-of-john-wick-ballerina-2025") { id } }`);
  expect(data.old).toEqual({ id, title: 'From the World of John Wick: Ballerina' });
  expect(data.fresh.id).toBe(id);
  // Nothing new can take the old slug: it keeps naming the renamed film.
  const other = payload(await api.asEditor(CREATE_FILM, { input: { title: 'Ballerina', year: 2025 } }), 'createFilm').film;
  expect(other.slug).toBe('ballerina-2025-2');
  expect((await api.query(ID_OF_FILM, { slug: 'ballerina-2025' })).data.film.id).toBe(id);
});

test('a sync job upserts by IMDb id: the first call creates, the next updates the same film and person', async () => {
  const UPSERT_FILM = `mutation ($input: UpsertFilmInput!) { upsertFilm(input: $input) { film { id slug title runtimeMinutes version createdBy } userErrors { field code message } } }`;
  const made = payload(await api.asEditor(UPSERT_FILM, { input: { imdbId: 'tt6718170', title: 'The Super Mario Bros. Movie', year: 2023 } }), 'upsertFilm').film;
  expect(made).toMatchObject({ slug: 'the-super-mario-bros-movie-2023', version: 1, runtimeMinutes: null });
  const again = payload(await api.asEditor(UPSERT_FILM, { input: { imdbId: 'tt6718170', title: 'The Super Mario Bros. Movie', year: 2023, runtimeMinutes: 92 } }), 'upsertFilm').film;
  expect(again).toMatchObject({ id: made.id, slug: made.slug, runtimeMinutes: 92, version: 2 });
  // The seed's John Wick has an IMDb id: an upsert updates it rather than making a second.
  const wick = payload(await api.asEditor(UPSERT_FILM, { input: { imdbId: 'tt2911666', title: 'John Wick', year: 2014, runtimeMinutes: 101 } }), 'upsertFilm').film;
  expect(wick.id).toBe(await filmId('john-wick-2014'));

  const UPSERT_PERSON = `mutation ($input: UpsertPersonInput!) { upsertPerson(input: $input) { person { id name birthYear version } userErrors { field code message } } }`;
  const keanu = payload(await api.asEditor(UPSERT_PERSON, { input: { imdbId: 'nm0000206', name: 'Keanu Reeves', birthYear: 1964 } }), 'upsertPerson').person;
  expect(keanu).toEqual({ id: await personId('keanu-reeves'), name: 'Keanu Reeves', birthYear: 1964, version: 2 });
});

test('an update leaves out what it does not name and clears what it sets to null, and the history says what changed', async () => {
  const id = await filmId('john-wick-2014');
  const UPDATE = `mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { title runtimeMinutes overview alternativeTitles } userErrors { field code message } } }`;
  const before = (await api.query(`query ($id: ID!) { film(id: $id) { title runtimeMinutes alternativeTitles } }`, { id })).data.film;
  expect(before.runtimeMinutes).not.toBeNull();
  const film = payload(await api.asEditor(UPDATE, { input: { id, overview: 'A retired hitman comes back for one last reckoning.', runtimeMinutes: null } }), 'updateFilm').film;
  expect(film).toEqual({ title: before.title, runtimeMinutes: null, overview: 'A retired hitman comes back for one last reckoning.', alternativeTitles: before.alternativeTitles });
  const { data } = await api.query(`query ($id: ID!) { film(id: $id) { updatedBy history(first: 1) { nodes { operation actor fields { field before after } } } } }`, { id });
  expect(data.film.updatedBy).toMatch(/^test-editor-/);
  expect(data.film.history.nodes[0]).toEqual({
    operation: 'UPDATE',
    actor: data.film.updatedBy,
    fields: [
      { field: 'runtimeMinutes', before: before.runtimeMinutes, after: null },
      { field: 'overview', before: null, after: 'A retired hitman comes back for one last reckoning.' },
    ],
  });
});

test("an edited review's mentions are linked again", async () => {
  const [review] = (await api.query(`{ film(slug: "ballerina-2025") { reviews { nodes { id mentions { entity { id } } } } } }`)).data.film.reviews.nodes;
  expect(review.mentions.length).toBeGreaterThan(0);
  const edited = payload(
    await api.asEditor(`mutation ($input: UpdateReviewInput!) { updateReview(input: $input) { review { body mentions { text entity { ... on Person { name } } } } userErrors { field code message } } }`, {
      input: { id: review.id, body: 'On a second look, Ian McShane steals every scene he is in.' },
    }),
    'updateReview',
  ).review;
  expect(edited.mentions).toEqual([{ text: 'Ian McShane', entity: { name: 'Ian McShane' } }]);
});

test('a producer credit holds every job, and a merge of two credits joins them', async () => {
  const film = await filmId('the-fall-guy-2024');
  const person = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Kelly McCormick' } }), 'createPerson').person;
  const role = payload(
    await api.asEditor(`mutation ($input: AddCreditInput!) { addCredit(input: $input) { role { id job jobs } userErrors { field code message } } }`, {
      input: { film, person: person.id, kind: 'PRODUCER', jobs: ['producer', 'executive producer'] },
    }),
    'addCredit',
  ).role;
  expect(role).toMatchObject({ job: 'producer', jobs: ['producer', 'executive producer'] });
  const updated = payload(
    await api.asEditor(`mutation ($input: UpdateCreditInput!) { updateCredit(input: $input) { role { job jobs } userErrors { field code message } } }`, { input: { id: role.id, jobs: ['executive producer'] } }),
    'updateCredit',
  ).role;
  expect(updated).toEqual({ job: 'executive producer', jobs: ['executive producer'] });

  // Her duplicate record holds the other job; merged, the one credit holds both.
  const twin = payload(await api.asEditor(CREATE_PERSON, { input: { name: 'Kelly McCormick' } }), 'createPerson').person;
  payload(await api.asEditor(ADD_CREDIT, { input: { film, person: twin.id, kind: 'PRODUCER', job: 'producer' } }), 'addCredit');
  payload(await api.asAdmin(`mutation ($input: MergeInput!) { mergePeople(input: $input) { person { id } userErrors { field code message } } }`, { input: { into: person.id, from: twin.id } }), 'mergePeople');
  const { data } = await api.query(`query ($id: ID!) { node(id: $id) { ... on Role { job jobs } } }`, { id: role.id });
  expect(data.node).toEqual({ job: 'executive producer', jobs: ['executive producer', 'producer'] });
});
