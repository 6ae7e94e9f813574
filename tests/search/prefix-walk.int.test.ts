import { FilmGraphGenerator } from '../../bench/src/generate';
import { Database } from '../../src/db/database';
import { importDocument } from '../../src/ingest/json-import';
import { Label } from '../../src/model/graph';
import { INDEX_STOP_WORDS, PREFIX_SCORE } from '../../src/search/prefix';
import { luceneQuery, searchService, WALK_BOUNDS, WalkBounds } from '../../src/search/search.service';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { wipe } from '../support/neo4j';

/**
 * A short prefix's hits by walking the popularity index (searchService.walk) must be the very
 * hits, in the very order, that ranking every full-text hit gives (searchService.ranked): score,
 * then popularity, then id. Checked on the benchmark's generated graph (films with IMDb-like
 * votes, people's prominence from the ingest path), with names whose words the index splits in
 * its own way added.
 */
let api: TestApi;
let db: Database;

/** Names where the index's tokenizer, stop words or folding differ from a naive split. */
const TRICKY = [
  "O'Keefe Brien", 'Mr.Kelly Stone', 'The Kent', 'Łódź Story', 'Ærø Ode', '1,000 Kelvins', 'R2D2 Kid', 'Kel:ly Ray',
  '東京Ke Jun', 'Kelly_Bo', 'Anna-Lena Ek', 'Lo Ødegaard', 'Straße Ss', 'Þór Th', "Rock 'n' Roll", 'Dot.Com 2.0',
  'Théa Them', 'Zoë Zo', 'Ke$ha Ko', 'AT&T At', 'An Andersson', 'Isa In',
];

beforeAll(async () => {
  api = await startTestApi();
  db = api.db;
  await wipe(db);
  for (const doc of new FilmGraphGenerator({ films: 400 }).chunks(400)) await importDocument(db, doc);
  await importDocument(db, {
    format: 'reelgraph',
    version: 1,
    // A crowd of uncredited people (all of popularity 0, so ordered by id alone) for a prefix with
    // enough hits that the API takes the walk.
    people: [...TRICKY.map((name, i) => ({ ref: `tricky${i}`, name })), ...Array.from({ length: 1_100 }, (_, i) => ({ ref: `crowd${i}`, name: `Sol Extra${i}` }))],
    films: [{ ref: 'kent', title: 'Kent and the Kelvins', ratings: [{ source: 'imdb', value: 6, scale: 10, votes: 5_000 }] }],
    roles: TRICKY.slice(0, 8).map((_, i) => ({ person: `tricky${i}`, film: 'kent', kind: 'ACTOR' as const, billingOrder: i + 1 })),
  });
}, 300_000);
afterAll(() => api.close());

const EVERY: Label[] = ['Film', 'Person', 'Franchise', 'Character', 'Genre'];
/**
 * The walk on any prefix with a hit (a graph this small has no crowd), with the usual window, and
 * with one small enough that labels' windows often miss hits and pages are completed from the index.
 */
const BOUNDS: WalkBounds[] = [{ ...WALK_BOUNDS, crowd: 1 }, { crowd: 1, window: 40 }];
const LABEL_SETS: Label[][] = [EVERY, ['Person'], ['Film'], ['Film', 'Character'], ['Franchise', 'Genre']];

/** Every 1- to 3-letter start of a word in the graph's names, folded. */
async function prefixes(): Promise<string[]> {
  const rows = await db.read<{ folded: string }>('MATCH (n) WHERE n.folded IS NOT NULL RETURN n.folded AS folded');
  const found = new Set<string>();
  for (const { folded } of rows) {
    for (const word of folded.split(/[^a-z0-9]+/)) for (let k = 1; k <= Math.min(3, word.length); k += 1) found.add(word.slice(0, k));
  }
  return [...found].sort();
}

it('the index’s stop words are the ones the walk leaves out', async () => {
  const [row] = await db.read<{ stopwords: string[] }>(
    "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = 'standard-folding' RETURN stopwords",
  );
  expect([...row.stopwords].sort()).toEqual([...INDEX_STOP_WORDS].sort());
});

it('walks to the same page as full-text ranking, for every short prefix in the graph', async () => {
  const all = await prefixes();
  expect(all.length).toBeGreaterThan(300);
  let walked = 0;
  let tried = 0;
  const statements = new Map<number, number>();
  const disagreements: string[] = [];
  for (const [i, prefix] of all.entries()) {
    // Every label set for a sample; all prefixes over every label.
    for (const labels of i % 10 === 0 ? LABEL_SETS : [EVERY]) {
      for (const limit of i % 13 === 0 ? [1, 10, 40] : [10]) {
        const ranked = await searchService.rankedFully(db, luceneQuery(prefix)!, labels.length === EVERY.length ? null : labels, limit);
        for (const bounds of BOUNDS) {
          tried += 1;
          let sent = 0;
          const stop = db.watch(() => (sent += 1));
          const walk = await searchService.walk(db, prefix, labels, limit, {}, bounds).finally(stop);
          if (walk === null) continue;
          walked += 1;
          statements.set(sent, (statements.get(sent) ?? 0) + 1);
          const shape = (rows: typeof walk) => rows.map((row) => `${row.id} ${row.score} ${row.popularity}`);
          if (JSON.stringify(shape(walk)) !== JSON.stringify(shape(ranked))) disagreements.push(`${prefix} [${labels}] ${limit} window ${bounds.window}`);
        }
      }
    }
  }
  expect(disagreements).toEqual([]);
  // Most prefixes are tied (no word is the prefix itself), so the walk answers them.
  expect(walked).toBeGreaterThan(tried * 0.6);
  // Pages known from the walk alone (no window in doubt, or a count showing none is), and pages
  // where a label's window was in doubt and its few popular hits came from the index.
  expect([...statements.keys()].sort()).toEqual(expect.arrayContaining([2, 3]));
}, 400_000);

it('scores every walked hit as the index scores a tied prefix', async () => {
  const ranked = await searchService.ranked(db, luceneQuery('ka')!, null, 50);
  expect(new Set(ranked.map((row) => row.score))).toEqual(new Set([PREFIX_SCORE]));
});

it('leaves a prefix with a word of its own, or with few hits, to the full-text ranking', async () => {
  // "Ke" is a whole word of '東京Ke Jun', so its hit scores above the prefix's constant.
  expect(await searchService.walk(db, 'ke', EVERY, 10, {}, BOUNDS[0])).toBeNull();
  expect(await searchService.walk(db, 'jun', EVERY, 10, {}, BOUNDS[0])).toBeNull();
  // "Kel" has a few hits: ranking them is cheaper than any walk.
  expect(await searchService.walk(db, 'kel', EVERY, 10, {}, { crowd: 50, window: 500 })).toBeNull();
  expect(await searchService.walk(db, 'kel', EVERY, 10, {}, BOUNDS[0])).not.toBeNull();
});

it('answers the API’s short searches of many hits limited to some labels from the walk', async () => {
  const [{ hits }] = await db.read<{ hits: number }>(`CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node RETURN count(node) AS hits`, {
    query: luceneQuery('s'),
  });
  expect(hits).toBeGreaterThanOrEqual(WALK_BOUNDS.crowd);
  const sent: string[] = [];
  const stop = db.watch((cypher) => sent.push(cypher));
  const response = await api.query(`{ search(query: "S", types: [PERSON, FILM], first: 5) { score entity { id } } }`);
  stop();
  const { search } = dataOf(response);
  expect(sent.some((cypher) => cypher.includes('n.folded =~ $pattern'))).toBe(true);
  const ranked = await searchService.rankedFully(db, luceneQuery('s')!, ['Film', 'Person'], 5);
  expect(search.map((hit: any) => hit.entity.id)).toEqual(ranked.map((row) => row.id));
});
