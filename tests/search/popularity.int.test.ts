import { GraphDocument } from '../../src/ingest/records';
import { importDocument } from '../../src/ingest/json-import';
import { dataOf } from '../support/api';
import { wipe } from '../support/neo4j';
import { fixture, runImdb } from '../import/helpers';
import { payload, startWritingApi, WritingApi } from '../writes/support';

/**
 * Popularity (src/model/popularity.ts) as each write path leaves it: a film's IMDb votes, a
 * person's prominence (each film they have a credit on: its votes plus one), and search ordering
 * equal scores by it.
 */
let api: WritingApi;
beforeAll(async () => {
  api = await startWritingApi();
});
afterAll(() => api.close());

const MATRIX_VOTES = 2_100_000;
const SPEED_VOTES = 410_000;

/** Three Keanus: one in two well-voted films, one in a film nobody voted on, one with no credits. */
function keanus(speedVotes = SPEED_VOTES): GraphDocument {
  return {
    format: 'reelgraph',
    version: 1,
    films: [
      {
        ref: 'matrix',
        title: 'The Matrix',
        year: 1999,
        externalIds: { imdb: 'tt0133093' },
        ratings: [
          { source: 'imdb', value: 8.7, scale: 10, votes: MATRIX_VOTES },
          { source: 'letterboxd', value: 4.2, scale: 5, votes: null },
        ],
      },
      { ref: 'speed', title: 'Speed', year: 1994, externalIds: { imdb: 'tt0111257' }, ratings: [{ source: 'imdb', value: 7.3, scale: 10, votes: speedVotes }] },
      { ref: 'obscure', title: 'An Obscure Short', year: 2001, externalIds: { imdb: 'tt9900001' }, ratings: [{ source: 'festival', value: 3, scale: 5 }] },
    ],
    people: [
      // External ids make a second import of the document update these rather than add more.
      { ref: 'reeves', name: 'Keanu Reeves', externalIds: { imdb: 'nm0000206' } },
      { ref: 'smith', name: 'Keanu Smith', externalIds: { imdb: 'nm9900001' } },
      { ref: 'ito', name: 'Keanu Ito', externalIds: { imdb: 'nm9900002' } },
      { ref: 'moss', name: 'Carrie-Anne Moss', externalIds: { imdb: 'nm0005251' } },
    ],
    roles: [
      { person: 'reeves', film: 'matrix', kind: 'ACTOR', billingOrder: 1 },
      // Two credits on one film count it once.
      { person: 'reeves', film: 'matrix', kind: 'PRODUCER' },
      { person: 'reeves', film: 'speed', kind: 'ACTOR', billingOrder: 1 },
      { person: 'moss', film: 'matrix', kind: 'ACTOR', billingOrder: 2 },
      { person: 'smith', film: 'obscure', kind: 'ACTOR', billingOrder: 1 },
    ],
  };
}

async function popularityOf(label: 'Film' | 'Person', nameOrTitle: string): Promise<number> {
  const [row] = await api.db.read<{ popularity: number }>(
    `MATCH (n:${label}) WHERE n.name = $value OR n.title = $value RETURN n.popularity AS popularity`,
    { value: nameOrTitle },
  );
  return row.popularity;
}

describe('after a JSON import', () => {
  beforeAll(async () => {
    await wipe(api.db);
    await importDocument(api.db, keanus());
  });

  it('a film has its largest known vote count, 0 when none is known', async () => {
    expect(await popularityOf('Film', 'The Matrix')).toBe(MATRIX_VOTES);
    expect(await popularityOf('Film', 'Speed')).toBe(SPEED_VOTES);
    expect(await popularityOf('Film', 'An Obscure Short')).toBe(0);
  });

  it('a person has their films’ votes plus one a film, and 0 without credits', async () => {
    expect(await popularityOf('Person', 'Keanu Reeves')).toBe(MATRIX_VOTES + 1 + SPEED_VOTES + 1);
    expect(await popularityOf('Person', 'Carrie-Anne Moss')).toBe(MATRIX_VOTES + 1);
    expect(await popularityOf('Person', 'Keanu Smith')).toBe(1);
    expect(await popularityOf('Person', 'Keanu Ito')).toBe(0);
  });

  it('importing a film again with new votes moves its people with it', async () => {
    await importDocument(api.db, keanus(SPEED_VOTES + 1_000));
    expect(await popularityOf('Film', 'Speed')).toBe(SPEED_VOTES + 1_000);
    expect(await popularityOf('Person', 'Keanu Reeves')).toBe(MATRIX_VOTES + 1 + SPEED_VOTES + 1_000 + 1);
  });

  it('search gives the most popular of equally scored hits first, and shows popularity', async () => {
    const { search } = dataOf(
      await api.query(`{ search(query: "keanu") { score entity { __typename ... on Person { name popularity } } } }`),
    );
    expect(search.map((hit: any) => hit.entity.name)).toEqual(['Keanu Reeves', 'Keanu Smith', 'Keanu Ito']);
    // The three names score alike: popularity alone orders them.
    expect(new Set(search.map((hit: any) => hit.score)).size).toBe(1);
    expect(search[0].entity.popularity).toBe(MATRIX_VOTES + SPEED_VOTES + 1_000 + 2);
    const { film } = dataOf(await api.query(`{ film(slug: "the-matrix-1999") { popularity } }`));
    expect(film.popularity).toBe(MATRIX_VOTES);
  });
});

describe('after mutations', () => {
  beforeAll(async () => {
    await api.resetToSeed();
    await importDocument(api.db, keanus());
  });

  const idOf = async (label: 'Film' | 'Person', value: string) =>
    (await api.db.read<{ id: string }>(`MATCH (n:${label}) WHERE n.name = $value OR n.title = $value RETURN n.id AS id`, { value }))[0].id;

  it('a credit added or removed changes its person’s prominence in the same write', async () => {
    const ito = await idOf('Person', 'Keanu Ito');
    const added = payload(
      await api.asEditor(`mutation ($input: AddCreditInput!) { addCredit(input: $input) { role { id person { popularity } } userErrors { field code message } } }`, {
        input: { film: await idOf('Film', 'The Matrix'), person: ito, kind: 'ACTOR' },
      }),
      'addCredit',
    ).role;
    expect(added.person.popularity).toBe(MATRIX_VOTES + 1);

    payload(await api.asAdmin(`mutation ($input: DeleteInput!) { removeCredit(input: $input) { deletedId userErrors { field code message } } }`, { input: { id: added.id } }), 'removeCredit');
    expect(await popularityOf('Person', 'Keanu Ito')).toBe(0);
  });

  it('a film deleted leaves its people without its votes', async () => {
    payload(await api.asAdmin(`mutation ($input: DeleteInput!) { deleteFilm(input: $input) { deletedId userErrors { field code message } } }`, { input: { id: await idOf('Film', 'Speed') } }), 'deleteFilm');
    expect(await popularityOf('Person', 'Keanu Reeves')).toBe(MATRIX_VOTES + 1 + (await seedFilmsOf('Keanu Reeves')));
  });

  it('two people merged have the credits of both', async () => {
    const merged = payload(
      await api.asAdmin(`mutation ($input: MergeInput!) { mergePeople(input: $input) { person { name popularity } userErrors { field code message } } }`, {
        input: { into: await idOf('Person', 'Keanu Ito'), from: await idOf('Person', 'Carrie-Anne Moss') },
      }),
      'mergePeople',
    ).person;
    expect(merged).toEqual({ name: 'Keanu Ito', popularity: MATRIX_VOTES + 1 });
  });

  /** The seed's films of a person (the seed gives no votes: each counts one). */
  async function seedFilmsOf(name: string): Promise<number> {
    const [row] = await api.db.read<{ films: number }>(
      `MATCH (:Person {name: $name})-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(f:Film) WHERE f.popularity = 0 RETURN count(DISTINCT f) AS films`,
      { name },
    );
    return row.films;
  }
});

describe('after an IMDb import (the Cypher path; tests/import/bulk.int.test.ts holds the bulk path to the same graph)', () => {
  beforeAll(async () => {
    await wipe(api.db);
    await runImdb(api.db, fixture('credits'));
  });

  it('films have title.ratings’ votes and people the prominence of their credits', async () => {
    const films = await api.db.read<{ imdbId: string; popularity: number; votes: number[] }>(
      'MATCH (f:Film) RETURN f.imdbId AS imdbId, f.popularity AS popularity, coalesce(f.ratingVotes, []) AS votes ORDER BY imdbId',
    );
    expect(films.map((f) => [f.imdbId, f.popularity])).toEqual([
      ['tt0100001', 120],
      ['tt0100002', 40],
      ['tt0100003', 0],
    ]);
    // Worked out here from the credits, independently of the importer's Cypher.
    const credits = await api.db.read<{ name: string; popularity: number; films: string[] }>(
      `MATCH (p:Person) OPTIONAL MATCH (p)-[:HAS_ROLE]->(:Role)-[:ON_FILM]->(f:Film)
       RETURN p.name AS name, p.popularity AS popularity, collect(f.imdbId) AS films ORDER BY name`,
    );
    const votes = new Map(films.map((f) => [f.imdbId, f.popularity]));
    for (const person of credits) {
      expect([person.name, person.popularity]).toEqual([person.name, [...new Set(person.films)].reduce((sum, film) => sum + votes.get(film)! + 1, 0)]);
    }
    // Ann Actor is in all three films.
    expect(credits.find((p) => p.name === 'Ann Actor')?.popularity).toBe(121 + 41 + 1);
  });
});
