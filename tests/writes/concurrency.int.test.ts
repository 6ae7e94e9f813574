/**
 * Writers at once: optimistic versions let exactly one writer win per version and lose no
 * update; a cast renumbered by many writers at once keeps one place per member; and the change
 * feed, paged while eight clients write, shows every change once, in commit order, without gaps.
 */
import { payload, startWritingApi, userErrorsOf, WritingApi } from './support';

let api: WritingApi;

beforeAll(async () => {
  api = await startWritingApi();
});
afterAll(() => api.close());
beforeEach(() => api.resetToSeed());

const UPDATE_FILM = `mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { version overview } userErrors { field code message } } }`;
const VERSION = `query ($id: ID!) { film(id: $id) { version } }`;

async function idOf(kind: 'film' | 'person', slug: string): Promise<string> {
  return (await api.query(`query ($slug: String!) { ${kind}(slug: $slug) { id } }`, { slug })).data[kind].id;
}

test('20 clients updating one film with expectedVersion: one wins per version, and no update is lost', async () => {
  const id = await idOf('film', 'ballerina-2025');
  // All read version 1 and write at once: exactly one of them wins.
  const firstRound = await Promise.all(Array.from({ length: 20 }, (_, i) => api.asEditor(UPDATE_FILM, { input: { id, expectedVersion: 1, overview: `round one, client ${i}` } })));
  const winners = firstRound.filter((answer) => answer.data.updateFilm.film !== null);
  expect(winners).toHaveLength(1);
  expect(firstRound.filter((answer) => userErrorsOf(answer, 'updateFilm')[0]?.code === 'STALE')).toHaveLength(19);

  // Then each client reads, writes and retries on STALE until its own update lands.
  const landed: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const version = (await api.query(VERSION, { id })).data.film.version;
        const answer = await api.asEditor(UPDATE_FILM, { input: { id, expectedVersion: version, overview: `client ${i}` } });
        const film = answer.data.updateFilm.film;
        if (film) {
          landed.push(film.version);
          expect(film.version).toBe(version + 1);
          return;
        }
        expect(userErrorsOf(answer, 'updateFilm')[0].code).toBe('STALE');
      }
      throw new Error(`client ${i} never landed its update`);
    }),
  );
  expect([...landed].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
  const { data } = await api.query(`query ($id: ID!) { film(id: $id) { version history(first: 100) { nodes { operation fields { field before after } } } } }`, { id });
  expect(data.film.version).toBe(22);
  const updates = data.film.history.nodes.filter((c: any) => c.operation === 'UPDATE');
  expect(updates).toHaveLength(21);
  // Each update saw the one before it: the overviews chain with no value skipped.
  const chain = [...updates].reverse().map((c: any) => c.fields.find((f: any) => f.field === 'overview'));
  for (let i = 1; i < chain.length; i += 1) expect(chain[i].before).toBe(chain[i - 1].after);
});

test('20 credits added to one cast at once each get their own place', async () => {
  const film = await idOf('film', 'the-matrix-1999');
  const castBefore = (await api.query(`{ film(slug: "the-matrix-1999") { cast { id billingOrder } } }`)).data.film.cast;
  const people = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => payload(await api.asEditor(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { field code message } } }`, { input: { name: `Extra Agent ${i}` } }), 'createPerson').person.id),
  );
  // Half ask for the second place, half for the end: every insert moves the others.
  const answers = await Promise.all(
    people.map((person, i) =>
      api.asEditor(`mutation ($input: AddCreditInput!) { addCredit(input: $input) { role { id } userErrors { field code message } } }`, {
        input: { film, person, kind: 'ACTOR', characters: [`Agent ${i}`], ...(i % 2 === 0 ? { billingOrder: 2 } : {}) },
      }),
    ),
  );
  answers.forEach((answer) => payload(answer, 'addCredit'));
  const cast = (await api.query(`{ film(slug: "the-matrix-1999") { cast { id billingOrder } } }`)).data.film.cast;
  expect(cast).toHaveLength(castBefore.length + 20);
  expect(cast.map((r: any) => r.billingOrder)).toEqual(Array.from({ length: cast.length }, (_, i) => i + 1));
  expect(cast[0].id).toBe(castBefore[0].id);
});

test('the change feed paged while 8 clients write shows every change once, in commit order, with no gap', async () => {
  const FEED = `query ($after: String) { changes(first: 7, after: $after) { nodes { sequence entityId operation } pageInfo { endCursor } } }`;
  const start = (await api.query(`{ changes(first: 100) { pageInfo { endCursor } totalCount } }`)).data.changes;
  let cursor: string | null = start.pageInfo.endCursor;
  // The seed's feed has fewer than 100 changes: one page reaches its end.
  expect(start.totalCount).toBeLessThan(100);
  const seen: { sequence: number; entityId: string; operation: string }[] = [];
  let writing = true;
  const follower = (async () => {
    for (;;) {
      const stillWriting = writing;
      const { data } = await api.query(FEED, { after: cursor });
      seen.push(...data.changes.nodes);
      cursor = data.changes.pageInfo.endCursor ?? cursor;
      if (data.changes.nodes.length === 0 && !stillWriting) return;
    }
  })();
  const made: string[][] = await Promise.all(
    Array.from({ length: 8 }, async (_, client) => {
      const ids: string[] = [];
      for (let n = 0; n < 15; n += 1) {
        const answer = await api.asEditor(`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { field code message } } }`, {
          input: { name: `Writer ${client} Person ${n}` },
        });
        ids.push(payload(answer, 'createPerson').person.id);
      }
      return ids;
    }),
  );
  writing = false;
  await follower;

  expect(seen).toHaveLength(8 * 15);
  const sequences = seen.map((change) => change.sequence);
  for (let i = 1; i < sequences.length; i += 1) expect(sequences[i]).toBe(sequences[i - 1] + 1);
  const order = new Map(seen.map((change, i) => [change.entityId, i]));
  for (const ids of made) {
    expect(ids.every((id) => order.has(id))).toBe(true);
    const places = ids.map((id) => order.get(id)!);
    expect(places).toEqual([...places].sort((a, b) => a - b));
  }
});
