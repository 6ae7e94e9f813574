import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { ImportReport } from '../../src/import/report';
import { testDatabase, wipe } from '../support/neo4j';
import { copyFixture, exportText, fileReport, fixture, nodeCounts, removeDir, runImdb, withoutIds } from './helpers';

/** The fixtures in fixtures/mapping exercise every mapping rule; the numbers below are worked out from them. */
let db: Database;
let report: ImportReport;
const dirs: string[] = [];

beforeAll(async () => {
  db = testDatabase();
  await wipe(db);
  report = await runImdb(db, fixture('mapping'));
});
afterAll(async () => {
  dirs.forEach(removeDir);
  await db.close();
});

async function film(imdbId: string) {
  const [row] = await db.read<{ film: Record<string, unknown>; genres: string[] }>(
    `MATCH (f:Film {imdbId: $imdbId})
     OPTIONAL MATCH (f)-[:IN_GENRE]->(g:Genre)
     WITH f, g ORDER BY g.name
     RETURN f {.*} AS film, collect(g.name) AS genres`,
    { imdbId },
  );
  return row;
}

async function roles(filmImdbId: string) {
  return db.read<{ person: string; kind: string; job: string | null; characters: string[]; billingOrder: number | null }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(:Film {imdbId: $filmImdbId})
     RETURN p.imdbId AS person, r.kind AS kind, r.job AS job, r.characters AS characters, r.billingOrder AS billingOrder
     ORDER BY person, kind`,
    { filmImdbId },
  );
}

describe('importing IMDb files', () => {
  it('reports, per file, rows read, imported and skipped by reason', () => {
    expect(report.status).toBe('complete');
    const summary = Object.fromEntries(
      report.files.map((f) => [f.file, { status: f.status, rows: f.rowsRead, imported: f.imported, skipped: f.skipped, errors: f.errorCount }]),
    );
    const typeSkip = 'title not imported (its type was not chosen)';
    expect(summary).toEqual({
      'title.basics': {
        status: 'imported',
        rows: 9,
        imported: 6,
        skipped: { 'titleType short not chosen': 1, 'titleType tvSeries not chosen': 1, 'titleType tvEpisode not chosen': 1 },
        errors: 0,
      },
      'title.akas': { status: 'imported', rows: 10, imported: 8, skipped: { [typeSkip]: 1, 'title not in title.basics': 1 }, errors: 0 },
      'title.ratings': { status: 'imported', rows: 4, imported: 3, skipped: { [typeSkip]: 1 }, errors: 0 },
      'title.episode': { status: 'imported', rows: 1, imported: 0, skipped: { 'episode of a series (the graph holds films, not series)': 1 }, errors: 0 },
      'name.basics': { status: 'imported', rows: 13, imported: 11, skipped: { 'no imported role names this person': 2 }, errors: 0 },
      'title.principals': {
        status: 'imported',
        rows: 20,
        // nm0000502's actor and actress rows on tt0000101 are one ACTOR role (see the roles below).
        imported: 18,
        skipped: { [typeSkip]: 2 },
        errors: 0,
      },
      'title.crew': { status: 'imported', rows: 7, imported: 4, skipped: { [typeSkip]: 1, 'no directors or writers listed': 2 }, errors: 0 },
    });
    expect(fileReport(report, 'title.crew').details).toEqual({ 'roles added': 4, 'roles already present (from title.principals or earlier)': 4 });
    for (const file of report.files) {
      expect(file.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(typeof file.toJSON().rowsPerSecond).toBe('number');
    }
    expect(report.graph).toEqual({ films: 6, people: 11, roles: 21, genres: 8 });
  });

  it('adds one IMPORT change for the run to the feed, with the rows each file imported, and none per entity', async () => {
    const changes = await db.read<{ operation: string; actor: string; entityId: string | null; fields: string }>(
      'MATCH (c:Change) RETURN c.operation AS operation, c.actor AS actor, c.entityId AS entityId, c.fields AS fields ORDER BY c.sequence',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ operation: 'IMPORT', actor: 'import:imdb', entityId: null });
    const fields = JSON.parse(changes[0].fields) as { field: string; before: unknown; after: number }[];
    expect(fields).toContainEqual({ field: 'title.basics', before: null, after: fileReport(report, 'title.basics').imported });
    expect(fields).toContainEqual({ field: 'title.principals', before: null, after: fileReport(report, 'title.principals').imported });
  });

  it('makes films of the chosen types with title, original title, year, runtime, genres and IMDb id', async () => {
    const { film: ret, genres } = await film('tt0000102');
    expect(ret).toMatchObject({
      title: 'The Return',
      originalTitle: 'Vozvrashchenie',
      year: 2003,
      runtimeMinutes: 110,
      imdbId: 'tt0000102',
      sortTitle: 'the return',
    });
    expect(String(ret.id)).toMatch(/^film_[0-9a-f]{32}$/);
    expect(genres).toEqual(['Drama']);
    expect((await film('tt0000103')).genres).toEqual(['Comedy', 'Sci-Fi']);
    const untitled = await film('tt0000107');
    expect(untitled.film.slug).toBe('untitled-film');
    // Neo4j stores no null properties: an unknown year or runtime is simply absent.
    expect(untitled.film).not.toHaveProperty('year');
    expect(untitled.film).not.toHaveProperty('runtimeMinutes');
    expect(untitled.genres).toEqual([]);
    expect(await film('tt0000104')).toBeUndefined();
    expect(await film('tt0000105')).toBeUndefined();
  });

  it('gives slugs by the contract rules, -2 for the second film of the same title and year', async () => {
    const slugs = await db.read<{ imdbId: string; slug: string }>('MATCH (f:Film) RETURN f.imdbId AS imdbId, f.slug AS slug ORDER BY imdbId');
    expect(slugs).toEqual([
      { imdbId: 'tt0000101', slug: 'the-return-2003' },
      { imdbId: 'tt0000102', slug: 'the-return-2003-2' },
      { imdbId: 'tt0000103', slug: 'amelie-s-night-1999' },
      { imdbId: 'tt0000107', slug: 'untitled-film' },
      { imdbId: 'tt0320691', slug: 'underworld-2003' },
      { imdbId: 'tt2911666', slug: 'john-wick-2014' },
    ]);
    const people = await db.read<{ imdbId: string; slug: string }>(
      "MATCH (p:Person) WHERE p.name IN ['John Smith', 'Zoë Müller'] RETURN p.imdbId AS imdbId, p.slug AS slug ORDER BY imdbId",
    );
    expect(people).toEqual([
      { imdbId: 'nm0000504', slug: 'john-smith' },
      { imdbId: 'nm0000505', slug: 'john-smith-2' },
      { imdbId: 'nm0000506', slug: 'zoe-muller' },
    ]);
  });

  it('takes distinct akas, in IMDb order, as alternative titles, never the primary title again', async () => {
    expect((await film('tt0000101')).film).toMatchObject({
      alternativeTitles: ['Le Retour', 'Die Rückkehr'],
      alternativeTitlesText: 'Le Retour\nDie Rückkehr',
      folded: 'the return\nle retour\ndie ruckkehr',
    });
    expect((await film('tt0000102')).film.alternativeTitles).toEqual(['Возвращение', 'Vozvrashchenie']);
    expect((await film('tt2911666')).film.alternativeTitles).toEqual(['Джон Уик']);
    expect((await film('tt0000103')).film.alternativeTitles).toEqual([]);
  });

  it("stores IMDb's rating as the film's aggregate rating on a scale of 10", async () => {
    expect((await film('tt0000101')).film).toMatchObject({ ratingSources: ['imdb'], ratingValues: [7.9], ratingScales: [10], ratingVotes: [50000] });
    expect((await film('tt0000103')).film).toMatchObject({ ratingSources: [], ratingValues: [] });
  });

  it('imports exactly the people a role names, with birth and death years and professions', async () => {
    const [smith] = await db.read<{ p: Record<string, unknown> }>("MATCH (p:Person {imdbId: 'nm0000504'}) RETURN p {.*} AS p");
    expect(smith.p).toMatchObject({ name: 'John Smith', birthYear: 1950, deathYear: 2010, professions: ['writer'], sortName: 'john smith' });
    expect(String(smith.p.id)).toMatch(/^person_[0-9a-f]{32}$/);
    const unused = await db.read("MATCH (p:Person) WHERE p.imdbId IN ['nm0000509', 'nm0000510'] RETURN p");
    expect(unused).toEqual([]);
  });

  it('maps principal categories to role kinds, with characters, jobs and billing order for the cast', async () => {
    expect(await roles('tt0000101')).toEqual([
      { person: 'nm0000501', kind: 'ACTOR', job: null, characters: ['Father'], billingOrder: 1 },
      // Listed as actor (2) and actress (5): one role, all characters, the lower billing order.
      { person: 'nm0000502', kind: 'ACTOR', job: null, characters: ['Ivan', 'Narrator', 'Ivan (voice)'], billingOrder: 2 },
      { person: 'nm0000503', kind: 'DIRECTOR', job: null, characters: [], billingOrder: null },
      { person: 'nm0000503', kind: 'WRITER', job: null, characters: [], billingOrder: null },
      { person: 'nm0000504', kind: 'WRITER', job: 'screenplay', characters: [], billingOrder: null },
      { person: 'nm0000511', kind: 'CREW', job: 'archive_footage', characters: [], billingOrder: null },
    ]);
    expect(await roles('tt0000102')).toEqual([
      { person: 'nm0000501', kind: 'ACTOR', job: null, characters: ['Anatoly'], billingOrder: 1 },
      { person: 'nm0000503', kind: 'DIRECTOR', job: null, characters: [], billingOrder: null },
      { person: 'nm0000503', kind: 'SELF', job: null, characters: ['Himself'], billingOrder: 4 },
      { person: 'nm0000505', kind: 'PRODUCER', job: 'producer', characters: [], billingOrder: null },
      { person: 'nm0000506', kind: 'COMPOSER', job: null, characters: [], billingOrder: null },
    ]);
    expect((await roles('tt0000103')).map((r) => r.kind)).toEqual(['PRODUCTION_DESIGNER', 'CASTING_DIRECTOR', 'CINEMATOGRAPHER', 'EDITOR', 'COMPOSER']);
  });

  it('adds directors and writers from title.crew without duplicating a role of the principals', async () => {
    const keys = await db.read<{ key: string; n: number }>('MATCH (r:Role) RETURN r.key AS key, count(*) AS n ORDER BY n DESC LIMIT 1');
    expect(keys[0].n).toBe(1);
    expect(await roles('tt0320691')).toEqual([
      { person: 'nm0000512', kind: 'DIRECTOR', job: null, characters: [], billingOrder: null },
      { person: 'nm0000512', kind: 'WRITER', job: null, characters: [], billingOrder: null },
    ]);
    const [links] = await db.read<{ bad: number }>(
      `MATCH (r:Role) WHERE NOT EXISTS { (:Person)-[:HAS_ROLE]->(r) } OR NOT EXISTS { (r)-[:ON_FILM]->(:Film) }
          OR r.key IS NULL OR r.id IS NULL OR NOT r.id STARTS WITH 'role_'
       RETURN count(r) AS bad`,
    );
    expect(links.bad).toBe(0);
  });

  it('changes nothing when the same files are imported again (same counts, same ids)', async () => {
    const before = await exportText(db);
    const again = await runImdb(db, fixture('mapping'));
    expect(again.status).toBe('complete');
    expect(fileReport(again, 'title.principals').details).toEqual({ 'roles added': 0, 'roles updated': 17, 'rows merged into a role': 1 });
    expect(await exportText(db)).toEqual(before);
  });

  it('reads .tsv.gz files, giving the same graph', async () => {
    const before = await exportText(db);
    const dir = copyFixture('mapping', { gzip: true });
    dirs.push(dir);
    expect(fs.readdirSync(dir).every((name) => name.endsWith('.tsv.gz'))).toBe(true);
    const gz = await runImdb(db, dir);
    expect(gz.status).toBe('complete');
    expect(gz.files.map((f) => [f.file, f.rowsRead])).toEqual(report.files.map((f) => [f.file, f.rowsRead]));
    expect(await exportText(db)).toEqual(before);

    await wipe(db);
    await runImdb(db, dir);
    expect(withoutIds(await exportText(db))).toEqual(withoutIds(before));
  });

  it('updates changed values from a newer dump and keeps ids and slugs', async () => {
    await wipe(db);
    await runImdb(db, fixture('mapping'));
    const [before] = await db.read<{ id: string; slug: string; roles: number }>(
      "MATCH (f:Film {imdbId: 'tt0000101'}) RETURN f.id AS id, f.slug AS slug, COUNT { (f)<-[:ON_FILM]-() } AS roles",
    );
    const counts = await nodeCounts(db);

    const dir = copyFixture('mapping');
    dirs.push(dir);
    const edit = (file: string, from: string, to: string) => {
      const full = path.join(dir, file);
      fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(from, to));
    };
    edit('title.basics.tsv', 'tt0000101\tmovie\tThe Return\tThe Return\t0\t2003\t\\N\t105\tDrama,Mystery', 'tt0000101\tmovie\tThe Return (Restored)\tThe Return\t0\t2003\t\\N\t107\tDrama');
    edit('title.ratings.tsv', 'tt0000101\t7.9\t50000', 'tt0000101\t8.1\t51000');
    edit('title.principals.tsv', '["Father"]', '["The Father"]');
    edit('name.basics.tsv', 'nm0000504\tJohn Smith\t1950\t2010', 'nm0000504\tJohn Smith\t1951\t2010');
    const versions = `MATCH (n) WHERE n.imdbId IN ['tt0000101', 'nm0000504', 'tt0000102'] RETURN n.imdbId AS imdbId, n.version AS version, n.createdBy AS createdBy, n.updatedBy AS updatedBy ORDER BY imdbId`;
    const versionsBefore = await db.read<{ imdbId: string; version: number }>(versions);
    const newer = await runImdb(db, dir);
    expect(newer.status).toBe('complete');
    // What changed is one version further on; what the newer dump left as it was is not touched.
    const versionsAfter = await db.read<{ imdbId: string; version: number }>(versions);
    expect(versionsAfter).toEqual(
      versionsBefore.map((row) => ({ ...row, version: row.version + (row.imdbId === 'tt0000102' ? 0 : 1), updatedBy: 'import:imdb', createdBy: 'import:imdb' })),
    );

    const { film: updated, genres } = await film('tt0000101');
    expect(updated).toMatchObject({
      id: before.id,
      slug: before.slug,
      title: 'The Return (Restored)',
      runtimeMinutes: 107,
      ratingValues: [8.1],
      ratingVotes: [51000],
      alternativeTitles: ['The Return', 'Le Retour', 'Die Rückkehr'],
      folded: 'the return (restored)\nthe return\nle retour\ndie ruckkehr',
    });
    expect(genres).toEqual(['Drama']);
    expect((await roles('tt0000101'))[0].characters).toEqual(['The Father']);
    const [smith] = await db.read<{ birthYear: number }>("MATCH (p:Person {imdbId: 'nm0000504'}) RETURN p.birthYear AS birthYear");
    expect(smith.birthYear).toBe(1951);
    expect(await nodeCounts(db)).toEqual(counts);
  });
});
