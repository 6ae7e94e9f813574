import { ErrorCode, ReelgraphError } from '../../src/common/errors';
import { Database } from '../../src/db/database';
import { collaborators } from '../../src/graph/collaborators.service';
import { allShortestPaths, AllPathsQuery, GraphPath, shortestPath } from '../../src/graph/paths.service';
import { relatedFilms } from '../../src/graph/related.service';
import { testDatabase, wipe } from '../support/neo4j';
import { GeneratedGraph, wipeGeneratedGraph, writeGeneratedGraph } from './support/generated-graph';

/**
 * Paths on a catalogue two orders of magnitude larger than the seed (20,000 films, 40,000 people,
 * about 140,000 roles): every query either answers or fails with QUERY_TIMEOUT, and either way
 * within its time limit (plus the few seconds Neo4j may take to notice an expired transaction).
 * The graph is wiped afterwards; the other test files load the seed themselves.
 */
const TIMEOUT_MS = 10_000;
/** Neo4j checks for expired transactions every couple of seconds. */
const NOTICE_MS = 5_000;

let db: Database;
let graph: GeneratedGraph;
const timings: string[] = [];

beforeAll(async () => {
  db = testDatabase();
  await wipe(db);
  const started = Date.now();
  graph = await writeGeneratedGraph(db);
  timings.push(`generated ${graph.roles} roles in ${Date.now() - started} ms`);
}, 180_000);

afterAll(async () => {
  await wipeGeneratedGraph(db);
  await db.close();
  process.stderr.write(`\n[generated graph] ${timings.join('\n[generated graph] ')}\n`);
}, 120_000);

type Outcome = GraphPath | GraphPath[] | null | 'QUERY_TIMEOUT';

async function timed(name: string, run: () => Promise<GraphPath | GraphPath[] | null>): Promise<Outcome> {
  const started = Date.now();
  let outcome: Outcome;
  try {
    outcome = await run();
  } catch (error: unknown) {
    if (!(error instanceof ReelgraphError) || error.extensions.code !== ErrorCode.QUERY_TIMEOUT) throw error;
    outcome = 'QUERY_TIMEOUT';
  }
  const elapsed = Date.now() - started;
  const shown = outcome === 'QUERY_TIMEOUT' ? outcome : Array.isArray(outcome) ? `${outcome.length} paths` : outcome ? `length ${outcome.length}` : 'null';
  timings.push(`${name}: ${shown} in ${elapsed} ms`);
  expect(elapsed).toBeLessThan(TIMEOUT_MS + NOTICE_MS);
  return outcome;
}

describe('paths on a generated catalogue', () => {
  const cases: [string, () => AllPathsQuery][] = [
    ['busiest actor → little-known person', () => ({ fromId: graph.busiestPersonId, toId: graph.obscurePersonIds[0] })],
    ['little-known → little-known', () => ({ fromId: graph.obscurePersonIds[0], toId: graph.obscurePersonIds[1], maxHops: 10 })],
    ['little-known → nobody links to them', () => ({ fromId: graph.obscurePersonIds[0], toId: graph.isolatedPersonId, maxHops: 10 })],
    [
      'little-known → little-known, genres too, 10 hops',
      () => ({ fromId: graph.obscurePersonIds[0], toId: graph.obscurePersonIds[1], maxHops: 10, via: ['CREDIT', 'FRANCHISE', 'CHARACTER', 'GENRE'] }),
    ],
  ];

  it.each(cases)('shortestPath %s answers or times out cleanly within its limit', async (name, query) => {
    const outcome = await timed(`shortestPath ${name}`, () => shortestPath(db, { ...query(), timeoutMs: TIMEOUT_MS }));
    if (outcome !== 'QUERY_TIMEOUT' && outcome !== null && !Array.isArray(outcome)) {
      expect(outcome.nodes).toHaveLength(outcome.length + 1);
      expect(outcome.steps).toHaveLength(outcome.length);
    }
  });

  it.each(cases)('allShortestPaths %s answers or times out cleanly within its limit', async (name, query) => {
    const outcome = await timed(`allShortestPaths ${name}`, () => allShortestPaths(db, { ...query(), timeoutMs: TIMEOUT_MS }));
    if (Array.isArray(outcome)) {
      expect(outcome.length).toBeLessThanOrEqual(10);
      expect(new Set(outcome.map((p) => p.length)).size).toBeLessThanOrEqual(1);
    }
  });

  it('reaches nobody from the isolated person', async () => {
    expect(await shortestPath(db, { fromId: graph.busiestPersonId, toId: graph.isolatedPersonId, timeoutMs: TIMEOUT_MS })).toBeNull();
  });

  it('keeps the batched lists quick around the busiest person', async () => {
    let started = Date.now();
    const [busiest] = await collaborators(db, [{ personId: graph.busiestPersonId }]);
    timings.push(`collaborators of the busiest person: ${busiest.length} in ${Date.now() - started} ms`);
    expect(busiest.length).toBe(20);
    started = Date.now();
    const related = await relatedFilms(
      db,
      Array.from({ length: 20 }, (_, i) => ({ filmId: graph.filmId(i * 997) })),
    );
    timings.push(`related films of 20 films: ${Date.now() - started} ms`);
    expect(related.every((list) => list.length === 20)).toBe(true);
  });
});
