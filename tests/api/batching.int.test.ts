import { importDocument } from '../../src/ingest/json-import';
import { GraphDocument } from '../../src/ingest/records';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * Every relationship field goes through a per-request DataLoader, so the number of Cypher
 * statements for a nested query depends on its shape, not on how many films it returns.
 */
let api: TestApi;

/** 30 extra films, each with a cast of three who also act elsewhere: enough rows to batch. */
function extraFilms(): GraphDocument {
  const films = Array.from({ length: 30 }, (_, i) => ({ ref: `f${i}`, title: `Batch Test Film ${i}`, year: 1990 + i }));
  const people = Array.from({ length: 40 }, (_, i) => ({ ref: `p${i}`, name: `Batch Test Actor ${i}` }));
  const roles = films.flatMap((film, i) =>
    [0, 1, 2].map((k) => ({ person: `p${(i + k * 7) % 40}`, film: film.ref, kind: 'ACTOR' as const, billingOrder: k + 1, characters: [`Role ${k}`] })),
  );
  return { format: 'reelgraph', version: 1, films, people, roles };
}

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
  await importDocument(api.db, extraFilms());
});
afterAll(() => api.close());

const NESTED = `query ($first: Int) {
  films(first: $first, filter: {titleContains: "batch test"}) {
    nodes { title genres { name } cast { characters person { name roles { totalCount nodes { film { title } } } } } }
  }
}`;

async function statementsFor(first: number): Promise<{ statements: number; films: any[] }> {
  const before = api.db.statementCount;
  const data = dataOf(await api.query(NESTED, { first }));
  return { statements: api.db.statementCount - before, films: data.films.nodes };
}

it('runs the same number of queries for 2 films as for 20', async () => {
  const small = await statementsFor(2);
  const large = await statementsFor(20);
  expect(small.films).toHaveLength(2);
  expect(large.films).toHaveLength(20);
  // Every film came back with its cast and each person's filmography.
  for (const film of large.films) {
    expect(film.cast).toHaveLength(3);
    for (const role of film.cast) expect(role.person.roles.nodes.length).toBe(role.person.roles.totalCount);
  }
  expect(large.statements).toBe(small.statements);
  // films page + its count is not asked; genres, roles per film, people, filmographies, and the
  // films of those filmographies: a handful of batches, whatever the page size.
  expect(large.statements).toBeLessThanOrEqual(6);
});
