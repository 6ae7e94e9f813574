import { Database } from '../../src/db/database';
import { parseDocument } from '../../src/ingest/document';
import { importDocument } from '../../src/ingest/json-import';
import { resetToSeed, testDatabase, wipe } from '../support/neo4j';
import { exportText, fixture, nodeCounts, runImdb } from './helpers';

/** The exporter writes the native format the importer reads: a graph survives the round trip whole, ids included. */
let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.close());

async function roundTrip(): Promise<{ before: string; after: string; counts: [Record<string, number>, Record<string, number>] }> {
  const before = await exportText(db);
  const countsBefore = await nodeCounts(db);
  await wipe(db);
  await importDocument(db, parseDocument(before));
  return { before, after: await exportText(db), counts: [countsBefore, await nodeCounts(db)] };
}

describe('export and import of the native JSON format', () => {
  it('round-trips the seed graph', async () => {
    await resetToSeed(db);
    const { before, after, counts } = await roundTrip();
    expect(after).toEqual(before);
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]).toEqual({ Genre: 7, Franchise: 6, Film: 14, Person: 67, Character: 11, Role: 124, Review: 1 });
  });

  it('gives the same document after export → wipe → import → export of an IMDb import over the seed', async () => {
    await resetToSeed(db);
    await runImdb(db, fixture('mapping'));
    const { before, after, counts } = await roundTrip();
    expect(after).toEqual(before);
    expect(counts[1]).toEqual(counts[0]);
    const doc = JSON.parse(before);
    const johnWick = doc.films.find((f: { externalIds?: { imdb?: string } }) => f.externalIds?.imdb === 'tt2911666');
    expect(johnWick).toMatchObject({ alternativeTitles: ['Джон Уик'], ratings: [{ source: 'imdb', value: 7.4, scale: 10, votes: 800000 }] });
  });

  it('keeps IMDb ids as merge keys after the round trip: importing the IMDb files again changes nothing', async () => {
    const before = await exportText(db);
    await runImdb(db, fixture('mapping'));
    expect(await exportText(db)).toEqual(before);
  });
});
