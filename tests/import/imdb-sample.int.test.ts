import fs from 'node:fs';
import { Database } from '../../src/db/database';
import { testDatabase, wipe } from '../support/neo4j';
import { exportText, fileReport, nodeCounts, runImdb, SAMPLE } from './helpers';

/**
 * ../shared/data/imdb-sample holds the first 99 rows of each real IMDb file. The expected numbers
 * are read off those rows: the first 100 title ids are all shorts but one movie (tt0000009, Miss
 * Jerry), and name.basics starts at nm0000001 while the principals name other people entirely.
 */
const present = fs.existsSync(SAMPLE);
if (!present) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the IMDb sample tests: ${SAMPLE} is absent (the fixtures in tests/import/fixtures cover the same mapping).`);
}
const describeSample = present ? describe : describe.skip;

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.close());

describeSample('the IMDb sample (../shared/data/imdb-sample)', () => {
  it('imports the one movie with the default title types and reports every other row', async () => {
    await wipe(db);
    const report = await runImdb(db, SAMPLE, { batchSize: 10 });
    expect(report.status).toBe('complete with problems');
    const typeSkip = 'title not imported (its type was not chosen)';
    expect(report.files.map((f) => [f.file, f.rowsRead, f.imported, f.skipped, f.errorCount])).toEqual([
      ['title.basics', 99, 1, { 'titleType short not chosen': 98 }, 0],
      ['title.akas', 99, 3, { [typeSkip]: 96 }, 0],
      ['title.ratings', 99, 1, { [typeSkip]: 98 }, 0],
      ['title.episode', 99, 0, { 'episode of a series (the graph holds films, not series)': 99 }, 0],
      ['name.basics', 99, 0, { 'no imported role names this person': 99 }, 0],
      ['title.principals', 99, 0, { [typeSkip]: 95 }, 4],
      ['title.crew', 99, 0, { [typeSkip]: 98 }, 1],
    ]);
    // Miss Jerry's four principals and its director/writer name people name.basics does not hold.
    expect(fileReport(report, 'title.principals').errors).toEqual([
      { line: 26, message: 'nm0063086 is not in name.basics; the row is skipped' },
      { line: 27, message: 'nm0183823 is not in name.basics; the row is skipped' },
      { line: 28, message: 'nm1309758 is not in name.basics; the row is skipped' },
      { line: 29, message: 'nm0085156 is not in name.basics; the row is skipped' },
    ]);
    expect(fileReport(report, 'title.crew').errors).toEqual([{ line: 10, message: 'nm0085156 is not in name.basics; this credit is skipped' }]);
    expect(await nodeCounts(db)).toEqual({ Film: 1, Genre: 1 });
    const [film] = await db.read(
      `MATCH (f:Film {imdbId: 'tt0000009'})-[:IN_GENRE]->(g:Genre)
       RETURN f.title AS title, f.slug AS slug, f.year AS year, f.runtimeMinutes AS runtime, f.alternativeTitles AS alternativeTitles,
              f.ratingValues AS ratingValues, f.ratingVotes AS ratingVotes, g.name AS genre`,
    );
    // Its three akas all repeat the primary title.
    expect(film).toEqual({
      title: 'Miss Jerry',
      slug: 'miss-jerry-1894',
      year: 1894,
      runtime: 45,
      alternativeTitles: [],
      ratingValues: [5.6],
      ratingVotes: [76],
      genre: 'Romance',
    });
  });

  it('imports all 99 titles as films when shorts are chosen too, and the same again changes nothing', async () => {
    await wipe(db);
    const report = await runImdb(db, SAMPLE, { titleTypes: ['short', 'movie'], batchSize: 25 });
    expect(report.files.map((f) => [f.file, f.imported, f.errorCount])).toEqual([
      ['title.basics', 99, 0],
      ['title.akas', 99, 0],
      ['title.ratings', 99, 0],
      ['title.episode', 0, 0],
      ['name.basics', 0, 0],
      ['title.principals', 0, 99],
      // One error per missing person: 98 rows name someone, 8 of them two people.
      ['title.crew', 0, 106],
    ]);
    expect(fileReport(report, 'title.crew').skipped).toEqual({ 'no directors or writers listed': 1 });
    // Animation, Comedy, Documentary, Drama, Family, Fantasy, Horror, News, Romance, Short, Sport.
    expect(await nodeCounts(db)).toEqual({ Film: 99, Genre: 11 });
    const [carmencita] = await db.read<{ titles: string[] }>("MATCH (f:Film {imdbId: 'tt0000001'}) RETURN f.alternativeTitles AS titles");
    expect(carmencita.titles).toEqual(['Carmencita - spanyol tánc', 'Καρμενσίτα', 'Карменсита']);

    const before = await exportText(db);
    await runImdb(db, SAMPLE, { titleTypes: ['short', 'movie'], batchSize: 25 });
    expect(await exportText(db)).toEqual(before);
  });
});
