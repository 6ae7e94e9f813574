import { FilmGraphGenerator } from '../../bench/src/generate';
import { Database } from '../../src/db/database';
import { importDocument } from '../../src/ingest/json-import';
import { popularityBand, popularityBandOf } from '../../src/model/popularity';
import { luceneQuery, searchService } from '../../src/search/search.service';
import { backfillPopularityBands } from '../../src/writes/popularity';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { wipe } from '../support/neo4j';

/**
 * The banded path (searchService.banded) must give the very page that ranking every full-text hit
 * gives (searchService.rankedFully): score, then popularity, then id. Checked on the benchmark's
 * generated graph, whose common name words tie by the hundred, with floors at ranks small enough
 * for this graph that most pages come from a floor rather than from the last, unfloored step.
 */
let api: TestApi;
let db: Database;

/** Floors for a graph of 400 films and about 1,000 people (the service's own suit a million). */
const SMALL_RANKS = [3, 12, 48, 192];
/** Reaches small enough that many ties go on past the first, and some past the deeper one. */
const SMALL_REACH = { first: 12, deep: 40 };

beforeAll(async () => {
  api = await startTestApi();
  db = api.db;
  await wipe(db);
  for (const doc of new FilmGraphGenerator({ films: 400 }).chunks(400)) await importDocument(db, doc);
  await importDocument(db, {
    format: 'reelgraph',
    version: 1,
    films: [{ ref: 'wagon', title: 'The Band Wagon', year: 1953, ratings: [{ source: 'imdb', value: 7.4, scale: 10, votes: 16_000 }] }],
  });
}, 300_000);
afterAll(() => api.close());

/** Searches as people type them: whole words, their starts, and two-word names, from the graph's own names. */
async function searches(): Promise<string[]> {
  const rows = await db.read<{ name: string }>(
    'MATCH (n) WHERE n:Film OR n:Person OR n:Franchise RETURN coalesce(n.title, n.name) AS name ORDER BY n.id',
  );
  const found = new Set<string>();
  for (const [i, { name }] of rows.entries()) {
    const words = name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0);
    if (i % 3 === 0 && words.length > 0) found.add(words[0]);
    if (i % 5 === 0 && words.length > 1) found.add(`${words[0]} ${words[1].slice(0, Math.max(3, words[1].length - 2))}`);
    if (i % 7 === 0 && words.length > 0 && words[0].length > 4) found.add(words[0].slice(0, 4));
  }
  return [...found].sort();
}

/**
 * The service's ways, with floors for this graph, and with one floor too high to be enough, so that
 * the deeper reach answers too, and the whole tie when that reach is no deeper than the first.
 */
const CONFIGS = [
  { ranks: SMALL_RANKS, reach: SMALL_REACH },
  { ranks: [2], reach: SMALL_REACH },
  { ranks: [2], reach: { first: 12, deep: 12 } },
];

it('gives the same pages as ranking every hit, mostly from a floor', async () => {
  const all = await searches();
  expect(all.length).toBeGreaterThan(200);
  const disagreements: string[] = [];
  const answeredAt = CONFIGS.map(() => new Map<string, number>());
  for (const [i, text] of all.entries()) {
    const query = luceneQuery(text)!;
    for (const limit of i % 11 === 0 ? [1, 10, 30] : [10]) {
      const full = await searchService.rankedFully(db, query, null, limit);
      for (const [c, config] of CONFIGS.entries()) {
        let at = 'none';
        const banded = await searchService.banded(db, query, limit, {}, { ...config, answered: (how) => (at = how) });
        answeredAt[c].set(at, (answeredAt[c].get(at) ?? 0) + 1);
        const shape = (rows: { id: string; score: number; popularity: number }[]) =>
          rows.map((row) => `${row.id} ${row.score} ${row.popularity}`);
        if (banded === null || JSON.stringify(shape(banded)) !== JSON.stringify(shape(full))) disagreements.push(`${text} ${limit} ${c}`);
      }
    }
  }
  expect(disagreements).toEqual([]);
  // Searches with fewer hits than a page take none of the ways; every way is checked, and with
  // floors that suit the graph more pages come from a floor than from the whole tie.
  expect([...new Set(answeredAt.flatMap((ways) => [...ways.keys()]))].sort()).toEqual(['deep', 'floor', 'none', 'reach', 'whole']);
  expect(answeredAt[0].get('floor')!).toBeGreaterThan(answeredAt[0].get('whole') ?? 0);
}, 400_000);

it('answers the API’s searches from the banded path, in the same order', async () => {
  const sent: string[] = [];
  const stop = db.watch((cypher) => sent.push(cypher));
  const response = await api.query(`{ search(query: "john", first: 8) { score entity { id } } }`);
  stop();
  // The banded path first reads the best hundred scores.
  expect(sent.some((cypher) => cypher.includes('{limit: $reach}'))).toBe(true);
  const full = await searchService.rankedFully(db, luceneQuery('john')!, null, 8);
  expect(full.length).toBe(8);
  expect(dataOf(response).search.map((hit: any) => hit.entity.id)).toEqual(full.map((row) => row.id));
});

it('does not take a popularity band for a name', async () => {
  // Every film and person has a band word; a search for "band" must find only names with it.
  const rows = await searchService.ranked(db, luceneQuery('band')!, null, 50);
  const names = rows.map((row) => row.names.join(' ').toLowerCase());
  expect(names).toContain('the band wagon');
  expect(names.every((name) => /\bband/.test(name))).toBe(true);
});

it('stores every film’s and person’s band as its popularity gives it, in Cypher as in TypeScript', async () => {
  const stored = await db.read<{ popularity: number; band: string | null }>(
    'MATCH (n) WHERE n:Film OR n:Person RETURN n.popularity AS popularity, n.popularityBand AS band',
  );
  expect(stored.length).toBeGreaterThan(1000);
  expect(stored.filter((row) => row.band !== popularityBand(row.popularity))).toEqual([]);
  const values = [0, 1, 7, 9, 10, 11, 99, 100, 101, 4_321, 9_999, 10_000, 2_750_000, 2_147_483_647];
  const [{ bands }] = await db.read<{ bands: string[] }>(`RETURN [value IN $values | ${popularityBandOf('value')}] AS bands`, { values });
  expect(bands).toEqual(values.map(popularityBand));
  expect([...bands].sort()).toEqual(bands);
  expect(popularityBand(4_321)).toBe('band0443');
  expect(popularityBand(0)).toBe('band0100');
});

it('gives films and people stored without a band theirs, once', async () => {
  await db.write(`MATCH (n) WHERE n:Film OR n:Person WITH n ORDER BY n.id LIMIT 300 REMOVE n.popularityBand`);
  await db.write(`MATCH (state:GraphState {key: 'graph'}) REMOVE state.popularityBands`);
  expect(await backfillPopularityBands(db, 100)).toBe(300);
  const [{ missing }] = await db.read<{ missing: number }>(
    `MATCH (n) WHERE (n:Film OR n:Person) AND n.popularityBand IS NULL RETURN count(n) AS missing`,
  );
  expect(missing).toBe(0);
  // Marked done: a second start looks no further.
  await db.write(`MATCH (n:Film) WITH n LIMIT 1 REMOVE n.popularityBand`);
  expect(await backfillPopularityBands(db, 100)).toBe(0);
  await db.write(`MATCH (state:GraphState {key: 'graph'}) REMOVE state.popularityBands`);
  expect(await backfillPopularityBands(db)).toBe(1);
});

it('reaches deeper before asking floors when the tie is among characters, which have no band', async () => {
  // Thirty characters of one name tie; floors find only films and people, so the deeper reach goes first.
  const ids = Array.from({ length: 30 }, (_, i) => `character_quillonar_${String(i).padStart(2, '0')}`);
  await db.write(`UNWIND $ids AS id CREATE (:Character {id: id, slug: id, name: 'Quillonar'})`, { ids });
  try {
    const query = luceneQuery('quillonar')!;
    const steps: { query: string; limit: number | null }[] = [];
    const stop = db.watch((_cypher, params) => {
      if (Array.isArray(params.steps)) steps.push(...params.steps);
    });
    let how = '';
    const banded = await searchService.banded(db, query, 3, {}, { ranks: SMALL_RANKS, reach: SMALL_REACH, answered: (way) => (how = way) });
    stop();
    const full = await searchService.rankedFully(db, query, null, 3);
    expect(full.map((row) => row.id)).toEqual(ids.slice(0, 3));
    expect(banded?.map((row) => row.id)).toEqual(ids.slice(0, 3));
    expect(how).toBe('deep');
    expect(steps[0]).toMatchObject({ query, limit: SMALL_REACH.deep });
    expect(steps.slice(1).some((step) => step.query.includes('popularityBand'))).toBe(true);
  } finally {
    await db.write(`MATCH (c:Character) WHERE c.id IN $ids DETACH DELETE c`, { ids });
  }
});
