import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ApiKeyStore } from '../../src/auth/api-keys';
import { encodeCursor } from '../../src/common/page';
import { PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { appendChanges, ChangeRecord } from '../../src/writes/change-log';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed, testDatabase } from '../support/neo4j';

/**
 * Subscription.changes, end to end: subscribers on one API (in this process), writes through
 * another API process (the built server, spawned) on the same Neo4j. Nothing is shared between
 * the two but the database, as behind a load balancer.
 */
const POLL_MS = 50;

const CHANGES = `subscription Follow($after: String, $entityTypes: [String!]) {
  changes(after: $after, entityTypes: $entityTypes) {
    id sequence operation entityType entityId actor
    fields { field before after }
    entity { __typename ... on Film { title } ... on Person { name } }
  }
}`;

let db: Database;
let api: TestApi;
let writer: { url: string; process: ChildProcess };
let editorKey: string;
const clients: Client[] = [];
/** Every error any subscription of the file received, for the message of a wait that timed out. */
const seenErrors: unknown[] = [];

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      const feed = api.app.changeFeed;
      throw new Error(`Timed out waiting for ${what} (subscriptions open: ${feed.open}, polling: ${feed.isPolling}, errors seen: ${JSON.stringify(seenErrors)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The built server as a process of its own, on a free port, writing to the suite's Neo4j. */
async function spawnWriter(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: process.env.REELGRAPH_TEST_NEO4J_URI, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The writer did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving GraphQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The writer exited (${code}):\n${output}`));
    });
  });
  return { url, process: child };
}

/** A mutation through the writer process, as an EDITOR. */
async function write(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(writer.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function createFilm(title: string): Promise<string> {
  const data = await write('mutation($input: CreateFilmInput!) { createFilm(input: $input) { film { id } userErrors { message } } }', { input: { title, year: 2031 } });
  expect(data.createFilm.userErrors).toEqual([]);
  return data.createFilm.film.id;
}

async function renameFilm(id: string, title: string): Promise<void> {
  const data = await write('mutation($input: UpdateFilmInput!) { updateFilm(input: $input) { userErrors { message } } }', { input: { id, title } });
  expect(data.updateFilm.userErrors).toEqual([]);
}

function wsUrl(app: TestApi): string {
  return app.app.url.replace(/^http/, 'ws');
}

function client(on: TestApi, connectionParams?: Record<string, unknown>): Client {
  const made = createClient({ url: wsUrl(on), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(made);
  return made;
}

interface Followed {
  events: any[];
  errors: unknown[];
  completed: boolean;
  stop(): void;
}

function follow(through: Client, variables: Record<string, unknown> = {}, query = CHANGES): Followed {
  const followed: Followed = { events: [], errors: [], completed: false, stop: () => {} };
  followed.stop = through.subscribe(
    { query, variables },
    {
      next: (result) => (result.errors ? followed.errors.push(...result.errors) && seenErrors.push(...result.errors) : followed.events.push(result.data!.changes)),
      error: (error) => followed.errors.push(error) && seenErrors.push(error),
      complete: () => (followed.completed = true),
    },
  );
  return followed;
}

/** Subscribes and waits until the subscription holds its place in the feed. */
async function subscribed(through: Client, variables: Record<string, unknown> = {}): Promise<Followed> {
  const before = api.app.changeFeed.open;
  const followed = follow(through, variables);
  await until(() => api.app.changeFeed.open === before + 1 || followed.errors.length > 0, 'the subscription to open');
  expect(followed.errors).toEqual([]);
  return followed;
}

async function feedHead(): Promise<number> {
  const [row] = await db.read<{ sequence: number | null }>(`MATCH (s:GraphState {key: 'graph'}) RETURN s.sequence AS sequence`);
  return row?.sequence ?? 0;
}

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  editorKey = (await new ApiKeyStore(db).create(`subscription-writer-${Date.now()}`, 'EDITOR')).secret;
  api = await startTestApi({ http: { logLevel: 'silent', subscriptionPollMs: POLL_MS } }, db);
  writer = await spawnWriter();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((made) => made.dispose()));
  await until(() => api.app.changeFeed.open === 0, 'the subscriptions to close');
});

afterAll(async () => {
  if (writer) {
    const exited = new Promise((resolve) => writer.process.once('exit', resolve));
    writer.process.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

describe('Subscription.changes', () => {
  it("pushes another API process's mutations, in sequence order, each resolving its entity as it is then", async () => {
    const head = await feedHead();
    const followed = await subscribed(client(api));

    const id = await createFilm('The Subscribed');
    await until(() => followed.events.length >= 1, 'the CREATE change');
    await renameFilm(id, 'The Subscribed, Renamed');
    await until(() => followed.events.length >= 2, 'the UPDATE change');
    await sleep(POLL_MS * 4);

    // Exactly what the stored feed holds after the subscription's start, nothing more.
    const stored = dataOf(await api.query('query($after: String) { changes(after: $after) { nodes { id sequence } } }', { after: encodeCursor(head) })).changes.nodes;
    expect(followed.events.map((change) => ({ id: change.id, sequence: change.sequence }))).toEqual(stored);
    expect(followed.events.map((change) => change.sequence)).toEqual([head + 1, head + 2]);

    const [created, updated] = followed.events;
    expect(created).toMatchObject({ operation: 'CREATE', entityType: 'Film', entityId: id, actor: expect.stringMatching(/^subscription-writer-/) });
    expect(created.fields).toEqual(expect.arrayContaining([{ field: 'title', before: null, after: 'The Subscribed' }]));
    expect(updated).toMatchObject({
      operation: 'UPDATE',
      entityType: 'Film',
      entityId: id,
      fields: [
        { field: 'title', before: 'The Subscribed', after: 'The Subscribed, Renamed' },
        { field: 'slug', before: 'the-subscribed-2031', after: 'the-subscribed-renamed-2031' },
      ],
    });
    // Each change runs with loaders of its own: the second does not see the first one's cached film.
    expect(created.entity).toEqual({ __typename: 'Film', title: 'The Subscribed' });
    expect(updated.entity).toEqual({ __typename: 'Film', title: 'The Subscribed, Renamed' });
    expect(followed.errors).toEqual([]);
  });

  it('replays the changes after the cursor given, then goes on with new ones', async () => {
    const id = await createFilm('The Replayed');
    await renameFilm(id, 'The Replayed, Once');
    const [created] = dataOf(await api.query('query($id: ID!) { changes(entityId: $id) { edges { cursor node { sequence operation } } } }', { id })).changes.edges;
    expect(created.node.operation).toBe('CREATE');

    const followed = follow(client(api), { after: created.cursor });
    await until(() => followed.events.length >= 1, 'the backlog');
    await renameFilm(id, 'The Replayed, Twice');
    await until(() => followed.events.length >= 2, 'the change after the backlog');
    expect(followed.events.map((change) => [change.sequence, change.operation, change.fields[0].after])).toEqual([
      [created.node.sequence + 1, 'UPDATE', 'The Replayed, Once'],
      [created.node.sequence + 2, 'UPDATE', 'The Replayed, Twice'],
    ]);
  });

  it('replays a backlog longer than one read, in order, to a consumer that falls behind', async () => {
    const head = await feedHead();
    const records: ChangeRecord[] = Array.from({ length: 250 }, (_, i) => ({ operation: 'UPDATE', entityType: 'Film', entityId: `film_backlog${i}`, fields: [{ field: 'title', before: null, after: `Take ${i}` }] }));
    await db.writeTx((tx) => appendChanges(tx, records, { actor: 'test', at: new Date().toISOString() }));
    const followed = follow(client(api), { after: encodeCursor(head) }, 'subscription($after: String) { changes(after: $after) { sequence entityId } }');
    await until(() => followed.events.length >= 250, 'the whole backlog');
    expect(followed.events.map((change) => change.sequence)).toEqual(Array.from({ length: 250 }, (_, i) => head + 1 + i));
    expect(followed.events[249].entityId).toBe('film_backlog249');
  });

  it('passes only the entity types asked for', async () => {
    const followed = await subscribed(client(api), { entityTypes: ['Person'] });
    await createFilm('The Unwatched');
    const data = await write('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { message } } }', { input: { name: 'Ada Subscriber' } });
    await until(() => followed.events.length >= 1, 'the Person change');
    await sleep(POLL_MS * 4);
    expect(followed.events.map((change) => [change.operation, change.entityType, change.entityId, change.entity])).toEqual([
      ['CREATE', 'Person', data.createPerson.person.id, { __typename: 'Person', name: 'Ada Subscriber' }],
    ]);
  });

  it('stops delivering when unsubscribed, and stops polling with the last subscription', async () => {
    const one = client(api);
    const first = await subscribed(one);
    const second = await subscribed(client(api));
    expect(api.app.changeFeed.isPolling).toBe(true);

    first.stop();
    await until(() => api.app.changeFeed.open === 1, 'the first subscription to end');
    await createFilm('After One Left');
    await until(() => second.events.length >= 1, 'the change to reach the one left');
    await sleep(POLL_MS * 4);
    expect(first.events).toEqual([]);

    second.stop();
    await until(() => api.app.changeFeed.open === 0, 'the last subscription to end');
    await sleep(POLL_MS * 2);
    const sent: string[] = [];
    const unwatch = db.watch((cypher) => sent.push(cypher));
    try {
      await sleep(POLL_MS * 6);
    } finally {
      unwatch();
    }
    expect(sent).toEqual([]);
    expect(api.app.changeFeed.isPolling).toBe(false);
  });

  it('ends the subscriptions of a socket that closes', async () => {
    const one = client(api);
    await subscribed(one);
    await subscribed(one);
    await one.dispose();
    await until(() => api.app.changeFeed.open === 0, 'both subscriptions to end');
    expect(api.app.changeFeed.isPolling).toBe(false);
  });

  it('answers a bad cursor with BAD_USER_INPUT', async () => {
    const followed = follow(client(api), { after: 'not-a-cursor' });
    await until(() => followed.completed || followed.errors.length > 0, 'the answer');
    expect(followed.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'after' }) })]);
    expect(api.app.changeFeed.open).toBe(0);
  });

  it('keeps the depth limit of HTTP queries', async () => {
    const deep = `subscription { changes { entity { ... on Film { roles { nodes { person { roles { nodes { film { roles { nodes { person { roles { nodes { film { title } } } } } } } } } } } } } } } }`;
    const followed = follow(client(api), {}, deep);
    await until(() => followed.errors.length > 0, 'the refusal');
    expect(followed.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_DEEP' }) })]);
    expect(api.app.changeFeed.open).toBe(0);
  });
});

describe('a subscription sent over HTTP', () => {
  it('is refused, naming the WebSocket', async () => {
    const answer = await api.query('subscription { changes { id } }');
    expect(answer).toEqual({ errors: [expect.objectContaining({ message: expect.stringMatching(/WebSocket/), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })] });
  });
});

describe('credentials of a subscription', () => {
  /** How the server closed a connection that sent `params` in connection_init. */
  async function closeOf(on: TestApi, params?: Record<string, unknown>): Promise<{ code: number; reason: string }> {
    const followed = follow(client(on, params));
    await until(() => followed.errors.length > 0 || followed.completed, 'the connection to close', 5_000);
    const event = followed.errors[0] as { code: number; reason: string };
    return { code: event.code, reason: event.reason };
  }

  it('closes the connection of unknown credentials with 4401 and the reason', async () => {
    const refused = await closeOf(api, { Authorization: `Bearer rg_0123456789abcdef_${'x'.repeat(43)}` });
    expect(refused).toEqual({ code: 4401, reason: 'The API key is unknown or revoked' });
    expect(await closeOf(api, { authorization: 'Basic abc' })).toEqual({ code: 4401, reason: expect.stringMatching(/Bearer/) });
  });

  it('refuses anonymous subscriptions when reads are not public, and takes a key', async () => {
    const closed = await startTestApi({ http: { logLevel: 'silent', subscriptionPollMs: POLL_MS }, auth: { publicRead: false } }, db);
    try {
      expect(await closeOf(closed)).toEqual({ code: 4401, reason: expect.stringMatching(/only requests with credentials/) });
      const followed = follow(client(closed, { Authorization: `Bearer ${editorKey}` }));
      await until(() => closed.app.changeFeed.open === 1 || followed.errors.length > 0, 'the subscription to open');
      expect(followed.errors).toEqual([]);
    } finally {
      await Promise.all(clients.splice(0).map((made) => made.dispose()));
      await closed.app.stop();
    }
  });
});
