import { DatabaseError } from '../../src/db/errors';
import { Database } from '../../src/db/database';
import { relatedFilmService } from '../../src/film/related.service';
import { AllPathsQuery, pathService } from '../../src/paths/paths.service';
import { GraphPath } from '../../src/paths/paths.type';
import { collaboratorService } from '../../src/person/collaborators.service';
import { testDatabase, wipe } from '../support/neo4j';
import { GeneratedGraph, wipeGeneratedGraph, writeGeneratedGraph } from '../support/generated-graph';

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
    if (!(error instanceof DatabaseError) || error.kind !== 'timeout') throw error;
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
    const outcome = await timed(`shortestPath ${name}`, () => pathService.shortest(db, { ...query(), timeoutMs: TIMEOUT_MS }));
    if (outcome !== 'QUERY_TIMEOUT' && outcome !== null && !Array.isArray(outcome)) {
      expect(outcome.nodes).toHaveLength(outcome.length + 1);
      expect(outcome.steps).toHaveLength(outcome.length);
    }
  });

  it.each(cases)('allShortestPaths %s answers or times out cleanly within its limit', async (name, query) => {
    const outcome = await timed(`allShortestPaths ${name}`, () => pathService.allShortest(db, { ...query(), timeoutMs: TIMEOUT_MS }));
    if (Array.isArray(outcome)) {
      expect(outcome.length).toBeLessThanOrEqual(10);
      expect(new Set(outcome.map((p) => p.length)).size).toBeLessThanOrEqual(1);
    }
  });

  it('reaches nobody from the isolated person', async () => {
    expect(await pathService.shortest(db, { fromId: graph.busiestPersonId, toId: graph.isolatedPersonId, timeoutMs: TIMEOUT_MS })).toBeNull();
  });

  it('keeps the batched lists quick around the busiest person', async () => {
    let started = Date.now();
    const [busiest] = await collaboratorService.ofPeople(db, [{ personId: graph.busiestPersonId }]);
    timings.push(`collaborators of the busiest person: ${busiest.length} in ${Date.now() - started} ms`);
    expect(busiest.length).toBe(20);
    started = Date.now();
    const related = await relatedFilmService.ofFilms(
      db,
      Array.from({ length: 20 }, (_, i) => ({ filmId: graph.filmId(i * 997) })),
    );
    timings.push(`related films of 20 films: ${Date.now() - started} ms`);
    expect(related.every((list) => list.length === 20)).toBe(true);
  });

  it('ranks related films as scoring every film would, also where it walks titles for films sharing only genres', async () => {
    // Films linked to few others (through franchises or people): their pages fill up with films
    // sharing only genres, which is where the service takes its shortcuts.
    const films = (
      await db.read<{ id: string }>(
        `UNWIND $ids AS id
         MATCH (film:Film {id: id})
         WHERE COUNT { (film)-[:IN_GENRE]->() } <= 2
           AND COUNT { MATCH (film)-[:IN_FRANCHISE|ON_FILM]-()-[:IN_FRANCHISE|HAS_ROLE]-()-[:HAS_ROLE]->()-[:ON_FILM]->(other:Film) WHERE other <> film } < 20
         RETURN film.id AS id LIMIT 12`,
        { ids: Array.from({ length: 600 }, (_, i) => graph.filmId(i * 31 + 3)) },
      )
    ).map((row) => row.id);
    expect(films.length).toBeGreaterThan(5);
    const read = jest.spyOn(db, 'read');
    let related: Awaited<ReturnType<typeof relatedFilmService.ofFilms>>;
    let walked: number;
    try {
      related = await relatedFilmService.ofFilms(db, films.map((filmId) => ({ filmId, first: 20, reasons: false })));
      walked = read.mock.calls.filter(([cypher]) => cypher.includes('other.sortTitle IS NOT NULL')).length;
    } finally {
      read.mockRestore();
    }
    expect(walked).toBeGreaterThan(0);
    for (const [n, filmId] of films.entries()) {
      expect(related[n].map((r) => [r.filmId, r.score])).toEqual(await everyFilmScored(filmId, 20));
    }
  });
});

/**
 * Film.related's ranking by brute force: every film sharing a franchise, a person or a genre,
 * scored and sorted in full, with none of the service's shortcuts.
 */
async function everyFilmScored(filmId: string, first: number): Promise<[string, number][]> {
  const rows = await db.read<{ id: string; score: number }>(
    `MATCH (film:Film {id: $filmId})
     CALL (film) {
       MATCH (film)-[:IN_FRANCHISE]->(:Franchise)<-[:IN_FRANCHISE]-(other:Film)
       RETURN other, 5.0 AS points
       UNION ALL
       MATCH (film)<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(:Person)-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(other:Film)
       WHERE other <> film
       RETURN DISTINCT other, 0.0 AS points
       UNION ALL
       MATCH (film)-[:IN_GENRE]->(:Genre)<-[:IN_GENRE]-(other:Film)
       WHERE other <> film
       RETURN other, 0.5 AS points
     }
     WITH film, other, sum(points) AS points
     // Each person both films share counts once: 2 when in both casts, else 1.5.
     CALL (film, other) {
       MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(person:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other)
       WITH person, any(k IN collect(here.kind) WHERE k IN ['ACTOR', 'SELF']) AND any(k IN collect(there.kind) WHERE k IN ['ACTOR', 'SELF']) AS cast
       RETURN sum(CASE WHEN cast THEN 2.0 ELSE 1.5 END) AS people
     }
     WITH other, points + people AS score
     ORDER BY score DESC, other.sortTitle, other.id
     LIMIT $first
     RETURN other.id AS id, score`,
    { filmId, first },
  );
  return rows.map((row) => [row.id, row.score]);
}
