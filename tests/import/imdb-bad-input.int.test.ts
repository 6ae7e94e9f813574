import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Database } from '../../src/db/database';
import { IMDB_FILES } from '../../src/import/imdb/files';
import { testDatabase, wipe } from '../support/neo4j';
import { fileReport, fixture, nodeCounts, removeDir, runImdb, tempDir } from './helpers';

let db: Database;
const dirs: string[] = [];
beforeAll(() => {
  db = testDatabase();
});
beforeEach(() => wipe(db));
afterAll(async () => {
  dirs.forEach(removeDir);
  await db.close();
});

function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** title.basics rows with varied titles, so gzip cannot squeeze them to nothing. */
function basicsText(rows: number): string {
  const lines = [IMDB_FILES['title.basics'].join('\t')];
  for (let i = 1; i <= rows; i += 1) {
    const title = `Film ${(i * 7919) % 104729} ${i.toString(36)} ${((i * 31337) % 99991).toString(16)}`;
    lines.push(`tt${String(i).padStart(7, '0')}\tmovie\t${title}\t${title}\t0\t${1950 + (i % 70)}\t\\N\t${60 + (i % 90)}\tDrama`);
  }
  return `${lines.join('\n')}\n`;
}

describe('bad rows', () => {
  it('skips, counts and lists each malformed row and each role naming a missing title or person, with its line, and goes on', async () => {
    const report = await runImdb(db, fixture('bad-rows'));
    expect(report.status).toBe('complete with problems');
    const errors = (file: string) => fileReport(report, file).errors;
    expect(errors('title.basics')).toEqual([
      { line: 3, message: 'expected 9 tab-separated columns, found 8' },
      { line: 4, message: 'startYear: "20x1" is not a whole number' },
      { line: 5, message: 'tt0000201 appears more than once; this row is ignored' },
      { line: 6, message: 'runtimeMinutes: "abc" is not a whole number' },
    ]);
    expect(errors('title.ratings')).toEqual([{ line: 3, message: 'averageRating: "high" is not a number' }]);
    expect(errors('name.basics')).toEqual([
      { line: 3, message: 'birthYear: "19seventy" is not a whole number' },
      { line: 4, message: 'expected 6 tab-separated columns, found 3' },
    ]);
    expect(errors('title.principals')).toEqual([
      { line: 3, message: "nm0000302's row in name.basics could not be read; the row is skipped" },
      { line: 5, message: 'characters: "[\\"Himself" is not a JSON array' },
      { line: 6, message: 'tt0000999 is not in title.basics; the row is skipped' },
      { line: 7, message: 'nm0000999 is not in name.basics; the row is skipped' },
      { line: 8, message: 'ordering: "x" is not a whole number' },
      { line: 10, message: 'expected 6 tab-separated columns, found 3' },
    ]);
    expect(errors('title.crew')).toEqual([
      { line: 3, message: 'nm0000998 is not in name.basics; this credit is skipped' },
      { line: 4, message: "tt0000202's row in title.basics could not be read; the row is skipped" },
      { line: 5, message: 'directors: "nmXYZ" is not an IMDb name id (nm…)' },
    ]);
    expect(report.files.map((f) => [f.file, f.rowsRead, f.imported, f.errorCount])).toEqual([
      ['title.basics', 6, 2, 4],
      ['title.akas', 0, 0, 0],
      ['title.ratings', 2, 1, 1],
      ['title.episode', 0, 0, 0],
      ['name.basics', 4, 2, 2],
      ['title.principals', 9, 3, 6],
      ['title.crew', 4, 2, 3],
    ]);
    expect(fileReport(report, 'title.akas').status).toBe('not found');
    expect(await nodeCounts(db)).toEqual({ Film: 2, Person: 2, Role: 5, Genre: 1 });
  });

  it('lists the first 100 errors of a file and counts them all', async () => {
    const dir = folder();
    const bad = Array.from({ length: 150 }, (_, i) => `tt${String(i + 1).padStart(7, '0')}\tmovie\tBroken`);
    fs.writeFileSync(path.join(dir, 'title.basics.tsv'), `${IMDB_FILES['title.basics'].join('\t')}\n${bad.join('\n')}\n`);
    const basics = fileReport(await runImdb(db, dir), 'title.basics');
    expect(basics.errorCount).toBe(150);
    expect(basics.errors).toHaveLength(100);
    expect(basics.errors[99]).toEqual({ line: 101, message: 'expected 9 tab-separated columns, found 3' });
    expect(basics.toJSON()).toMatchObject({ errorCount: 150, rowsRead: 150, imported: 0 });
  });
});

describe('bad files', () => {
  it('stops a file with a missing or wrong header with one clear message, and reads the others', async () => {
    const report = await runImdb(db, fixture('bad-headers'));
    expect(report.status).toBe('failed');
    expect(fileReport(report, 'title.basics')).toMatchObject({
      status: 'failed',
      rowsRead: 0,
      message:
        'title.basics.tsv does not start with IMDb\'s title.basics header: expected the columns "tconst, titleType, primaryTitle, originalTitle, isAdult, startYear, endYear, runtimeMinutes, genres", found "tconst, type, primaryTitle, originalTitle, isAdult, startYear, endYear, runtimeMinutes, genres"',
    });
    expect(fileReport(report, 'title.ratings').message).toMatch(/^title\.ratings\.tsv does not start with IMDb's title\.ratings header: .*found "tt0000201, 7\.5, 100"$/);
    expect(fileReport(report, 'title.akas')).toMatchObject({ status: 'failed', message: 'title.akas.tsv is empty: it has no header line' });
    expect(fileReport(report, 'title.episode')).toMatchObject({ status: 'imported', rowsRead: 1 });
    expect(await nodeCounts(db)).toEqual({});
  });

  it('stops a truncated .gz with a clear message, keeping every batch already committed', async () => {
    const dir = folder();
    const gz = zlib.gzipSync(basicsText(3000));
    fs.writeFileSync(path.join(dir, 'title.basics.tsv.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    fs.writeFileSync(path.join(dir, 'title.ratings.tsv'), 'tconst\taverageRating\tnumVotes\ntt0000001\t6.5\t10\n');
    const report = await runImdb(db, dir, { batchSize: 100 });
    const basics = fileReport(report, 'title.basics');
    expect(basics.status).toBe('failed');
    expect(basics.message).toMatch(/^title\.basics\.tsv\.gz is truncated: the gzip stream ends early after line \d+; download it again\. The [\d,]+ rows before it were read and imported\.$/);
    expect(basics.imported).toBeGreaterThan(100);
    expect(basics.imported).toBeLessThan(3000);
    const [stored] = await db.read<{ films: number }>('MATCH (f:Film) RETURN count(f) AS films');
    expect(stored.films).toBe(basics.imported);
    // The other files still run.
    expect(fileReport(report, 'title.ratings')).toMatchObject({ status: 'imported', imported: 1 });
    expect(report.status).toBe('failed');
  });

  it('stops a file that is not gzip at all', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'title.basics.tsv.gz'), basicsText(3));
    const basics = fileReport(await runImdb(db, dir), 'title.basics');
    expect(basics).toMatchObject({ status: 'failed', rowsRead: 0 });
    expect(basics.message).toMatch(/^title\.basics\.tsv\.gz is not a valid gzip file \(incorrect header check\)$/);
  });

  it('stops a file that cannot be read with a clear message', async () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'title.basics.tsv'));
    fs.writeFileSync(path.join(dir, 'title.ratings.tsv'), 'tconst\taverageRating\tnumVotes\n');
    const report = await runImdb(db, dir);
    expect(fileReport(report, 'title.basics')).toMatchObject({ status: 'failed', message: 'title.basics.tsv could not be read: it is a folder' });
    expect(fileReport(report, 'title.ratings').status).toBe('imported');
  });

  it('reads a last line without a newline and Windows line ends', async () => {
    const dir = folder();
    const text = basicsText(3).trimEnd().replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'title.basics.tsv'), text);
    const basics = fileReport(await runImdb(db, dir), 'title.basics');
    expect(basics).toMatchObject({ status: 'imported', rowsRead: 3, imported: 3, errorCount: 0 });
  });
});
