import { Database } from '../../src/db/database';
import { ImportReport } from '../../src/import/report';
import { exportDocument } from '../../src/ingest/json-export';
import { importDocument } from '../../src/ingest/json-import';
import { parseDocument } from '../../src/ingest/document';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed, testDatabase, wipe } from '../support/neo4j';
import { exportText, fileReport, fixture, runImdb, withoutIds } from './helpers';

/**
 * fixtures/credits holds IMDb's repeated rows: Ann Actor at orderings 2 and 6 on Alpha (no
 * characters), Pat Producer as producer and executive producer, Cy Crew under two categories that
 * are both CREW (archive_footage, archive_sound), and Sam Split's two rows on Beta far apart in the
 * file (lines 10 and 14), so they land in different batches. fixtures/credits-newer is a later
 * dump: Gamma (tt0100003) and Gone Person gone, Dropped Actor's role and Pat's executive producer
 * row dropped.
 */
let db: Database;
let api: TestApi;
let first: ImportReport;

beforeAll(async () => {
  db = testDatabase();
  api = await startTestApi();
  await resetToSeed(db);
  first = await runImdb(db, fixture('credits'), { batchSize: 2 });
});
afterAll(async () => {
  await api.close();
  await db.close();
});

async function role(person: string, film: string, kind: string) {
  const [row] = await db.read<{ job: string | null; jobs: string[]; characters: string[]; billingOrder: number | null; version: number }>(
    `MATCH (:Person {imdbId: $person})-[:HAS_ROLE]->(r:Role {kind: $kind})-[:ON_FILM]->(:Film {imdbId: $film})
     RETURN r.job AS job, r.jobs AS jobs, r.characters AS characters, r.billingOrder AS billingOrder, r.version AS version`,
    { person, film, kind },
  );
  return row;
}

async function roleVersions() {
  return db.read<{ key: string; version: number; updatedAt: string }>('MATCH (r:Role) RETURN r.key AS key, r.version AS version, r.updatedAt AS updatedAt ORDER BY key');
}

describe('faithful credits from repeated IMDb rows', () => {
  it('keeps one role per person, film and kind with all its jobs, the lowest billing order and every character', async () => {
    expect(first.status).toBe('complete');
    expect(await role('nm0200001', 'tt0100001', 'ACTOR')).toMatchObject({ jobs: [], job: null, characters: [], billingOrder: 2 });
    expect(await role('nm0200002', 'tt0100001', 'PRODUCER')).toMatchObject({ jobs: ['producer', 'executive producer'], job: 'producer' });
    expect(await role('nm0200003', 'tt0100001', 'CREW')).toMatchObject({ jobs: ['archive_footage', 'archive_sound'], job: 'archive_footage' });
    // Rows of one title far apart in the file, written in different batches, still make one role.
    expect(await role('nm0200006', 'tt0100002', 'ACTOR')).toMatchObject({ characters: ['Hero', 'Hero (voice)'], billingOrder: 1 });
    // title.crew adds Cy's WRITER role and leaves the principals' DIRECTOR role as it was.
    expect(await role('nm0200003', 'tt0100001', 'WRITER')).toMatchObject({ jobs: [], job: null });
    const [{ roles }] = await db.read<{ roles: number }>("MATCH (r:Role) WHERE r.createdBy = 'import:imdb' RETURN count(r) AS roles");
    expect(roles).toBe(11);
  });

  it('counts the rows merged into a role in the report', () => {
    const principals = fileReport(first, 'title.principals');
    expect(principals.imported).toBe(13);
    // Ann's second row, Pat's second job, Cy's second CREW category, Sam's later row.
    expect(principals.details['rows merged into a role']).toBe(4);
    expect(principals.details['roles added']).toBe(9);
    expect(principals.notes).toEqual(['line 14: the rows of tt0100002 are not together; they are merged into the roles of the earlier ones']);
  });

  it('shows jobs in the API, job being the first', async () => {
    const { film } = dataOf(
      await api.query(`{ film(slug: "alpha-2001") { crew(kinds: [PRODUCER, CREW]) { kind job jobs person { name } } cast { billingOrder person { name } } } }`),
    );
    expect(film.crew).toEqual([
      { kind: 'PRODUCER', job: 'producer', jobs: ['producer', 'executive producer'], person: { name: 'Pat Producer' } },
      { kind: 'CREW', job: 'archive_footage', jobs: ['archive_footage', 'archive_sound'], person: { name: 'Cy Crew' } },
    ]);
    expect(film.cast).toEqual([
      { billingOrder: 2, person: { name: 'Ann Actor' } },
      { billingOrder: 8, person: { name: 'Dropped Actor' } },
    ]);
  });

  it('changes nothing when the same files are imported again (values, versions, update times)', async () => {
    const before = await exportText(db);
    const versions = await roleVersions();
    const again = await runImdb(db, fixture('credits'), { batchSize: 2 });
    expect(again.status).toBe('complete');
    expect(await exportText(db)).toEqual(before);
    // Sam's role is the exception the report's note warns of: its first rows replace it, the later
    // one joins it again, so its version rises though its values end as they were.
    const [sam] = await db.read<{ key: string }>(
      "MATCH (:Person {imdbId: 'nm0200006'})-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(:Film {imdbId: 'tt0100002'}) RETURN r.key AS key",
    );
    const others = (rows: { key: string }[]) => rows.filter((r) => r.key !== sam.key);
    expect(others(await roleVersions())).toEqual(others(versions));
  });
});

describe('akas as title.akas gives them', () => {
  it('stores each aka with its region, language and types, and keeps alternativeTitles distinct', async () => {
    const { film } = dataOf(await api.query(`{ film(slug: "alpha-2001") { title alternativeTitles akas { title region language types } } }`));
    expect(film.akas).toEqual([
      { title: 'Alpha', region: 'US', language: null, types: ['imdbDisplay'] },
      { title: 'Project A', region: null, language: null, types: ['working'] },
      { title: 'Alphonse', region: 'FR', language: null, types: ['imdbDisplay'] },
      { title: 'Alphonse le film', region: 'FR', language: 'fr', types: [] },
      { title: 'Alfa', region: 'IT', language: 'it', types: ['imdbDisplay', 'festival'] },
    ]);
    expect(film.alternativeTitles).toEqual(['Project A', 'Alphonse', 'Alphonse le film', 'Alfa']);
  });

  it('picks the localized title: region and language, else region alone, else the title', async () => {
    const { film } = dataOf(
      await api.query(`{ film(slug: "alpha-2001") {
        both: localizedTitle(region: "FR", language: "fr")
        region: localizedTitle(region: "fr")
        language: localizedTitle(language: "it")
        elsewhere: localizedTitle(region: "JP")
        none: localizedTitle
      } }`),
    );
    expect(film).toEqual({ both: 'Alphonse le film', region: 'Alphonse', language: 'Alfa', elsewhere: 'Alpha', none: 'Alpha' });
  });

  it('lets search find a film by an aka', async () => {
    const { search } = dataOf(await api.query(`{ search(query: "alphonse", types: [FILM]) { entity { ... on Film { title } } } }`));
    expect(search.map((hit: any) => hit.entity.title)).toEqual(['Alpha']);
    const accents = dataOf(await api.query(`{ search(query: "beta", types: [FILM]) { entity { ... on Film { title } } } }`));
    expect(accents.search.map((hit: any) => hit.entity.title)).toEqual(['Beta']);
  });
});

describe('the native JSON format carries jobs and akas', () => {
  it('round-trips a graph with jobs and akas, and takes job alone as one job', async () => {
    const text = await exportText(db);
    const doc = parseDocument(text);
    const pat = doc.roles!.find((r) => r.jobs?.includes('executive producer'));
    expect(pat).toMatchObject({ job: 'producer', jobs: ['producer', 'executive producer'] });
    expect(doc.films!.find((f) => f.title === 'Alpha')!.akas).toHaveLength(5);

    await wipe(db);
    await importDocument(db, doc);
    expect(withoutIds(await exportText(db))).toEqual(withoutIds(text));

    await wipe(db);
    await importDocument(
      db,
      parseDocument(
        JSON.stringify({
          format: 'reelgraph',
          version: 1,
          films: [{ ref: 'f', title: 'Solo' }],
          people: [{ ref: 'p', name: 'One Job' }],
          roles: [{ person: 'p', film: 'f', kind: 'PRODUCER', job: 'line producer' }],
        }),
      ),
    );
    const chunks: string[] = [];
    await exportDocument(db, (chunk) => {
      chunks.push(chunk);
    });
    expect(JSON.parse(chunks.join('')).roles[0]).toMatchObject({ job: 'line producer', jobs: ['line producer'] });
    expect(() =>
      parseDocument(JSON.stringify({ format: 'reelgraph', version: 1, roles: [{ person: 'p', film: 'f', kind: 'CREW', job: 'b', jobs: ['a', 'b'] }] })),
    ).toThrow(/roles\[0\]\.job: must be the first of jobs/);
  });
});
