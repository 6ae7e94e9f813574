import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { ImportReport } from '../../src/import/report';
import { resetToSeed, testDatabase } from '../support/neo4j';
import { exportText, fileReport, fixture, nodeCounts, removeDir, runImdb, tempDir } from './helpers';

/** IMDb ids are the merge keys: what the seed already holds under an IMDb id is updated, not duplicated. */
let db: Database;
let seedCounts: Record<string, number>;
let before: Record<string, unknown>;
let report: ImportReport;

const JOHN_WICK = `MATCH (f:Film {imdbId: 'tt2911666'})
  RETURN f.id AS id, f.slug AS slug, f.releaseDate AS releaseDate, f.alternativeTitles AS alternativeTitles,
         f.ratingSources AS ratingSources, f.ratingValues AS ratingValues,
         COUNT { (f)-[:IN_FRANCHISE]->() } AS franchises, COUNT { (f)<-[:ON_FILM]-() } AS roles`;
const KEANU_AS_JOHN_WICK = `MATCH (p:Person {imdbId: 'nm0000206'})-[:HAS_ROLE]->(r:Role {kind: 'ACTOR'})-[:ON_FILM]->(:Film {imdbId: 'tt2911666'})
  OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
  RETURN p.id AS person, p.slug AS slug, r.id AS role, r.credited AS credited, r.characters AS characters, c.slug AS character`;

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  seedCounts = await nodeCounts(db);
  [before] = await db.read(JOHN_WICK);
  report = await runImdb(db, fixture('mapping'));
});
afterAll(() => db.close());

describe('importing IMDb files into the seed graph', () => {
  it('updates the seed film with the same IMDb id and keeps its id, slug, release date and franchise', async () => {
    expect(report.status).toBe('complete');
    const [after] = await db.read<Record<string, unknown>>(JOHN_WICK);
    expect(after).toMatchObject({
      id: before.id,
      slug: 'john-wick-2014',
      releaseDate: before.releaseDate,
      franchises: before.franchises,
      alternativeTitles: ['Джон Уик'],
      ratingSources: ['imdb'],
      ratingValues: [7.4],
    });
    // Two roles are new: Chad Stahelski and Derek Kolstad carry no IMDb id in the seed (see below).
    expect(after.roles).toBe(Number(before.roles) + 2);
  });

  it("updates the seed's role for the same person, film and kind, leaving its character link and credit alone", async () => {
    const rows = await db.read(KEANU_AS_JOHN_WICK);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ slug: 'keanu-reeves', credited: true, characters: ['John Wick'], character: 'john-wick' });
  });

  it('adds entities the seed lacks, with -2 slugs where the seed took the name without an IMDb id', async () => {
    const films = await db.read<{ slug: string; imdbId: string | null }>(
      "MATCH (f:Film) WHERE f.title = 'Underworld' RETURN f.slug AS slug, f.imdbId AS imdbId ORDER BY slug",
    );
    expect(films).toEqual([
      { slug: 'underworld-2003', imdbId: null },
      { slug: 'underworld-2003-2', imdbId: 'tt0320691' },
    ]);
    const people = await db.read<{ slug: string }>("MATCH (p:Person) WHERE p.name = 'Chad Stahelski' RETURN p.slug AS slug ORDER BY slug");
    expect(people.map((p) => p.slug)).toEqual(['chad-stahelski', 'chad-stahelski-2']);
    // Genres are matched by slug: Action, Crime, Thriller, Sci-Fi and Fantasy are the seed's own.
    const genres = await db.read<{ slug: string }>('MATCH (g:Genre) RETURN g.slug AS slug ORDER BY slug');
    expect(genres.map((g) => g.slug)).toEqual(['action', 'comedy', 'crime', 'drama', 'fantasy', 'horror', 'mystery', 'sci-fi', 'thriller']);
  });

  it('adds exactly the new nodes', async () => {
    expect(await nodeCounts(db)).toEqual({
      ...seedCounts,
      Film: seedCounts.Film + 5,
      Person: seedCounts.Person + 10,
      Genre: seedCounts.Genre + 2,
      // 17 principal roles (one of them the seed's Keanu Reeves role) and 4 from title.crew.
      Role: seedCounts.Role + 16 + 4,
    });
  });

  it('changes nothing when imported again', async () => {
    const text = await exportText(db);
    await runImdb(db, fixture('mapping'));
    expect(await exportText(db)).toEqual(text);
  });

  it('without title.basics, takes the films already in the graph as the ones other files may name', async () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'title.ratings.tsv'), 'tconst\taverageRating\tnumVotes\ntt2911666\t7.7\t900000\ntt0000001\t5.0\t10\n');
      const report = await runImdb(db, dir);
      expect(fileReport(report, 'title.ratings')).toMatchObject({
        status: 'imported',
        imported: 1,
        skipped: { 'title not in the graph (title.basics was not given)': 1 },
      });
      const [after] = await db.read(JOHN_WICK);
      expect(after).toMatchObject({ id: before.id, ratingSources: ['imdb'], ratingValues: [7.7] });
    } finally {
      removeDir(dir);
    }
  });
});
