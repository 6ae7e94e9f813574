import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { Checkpoint } from '../../src/import/imdb/checkpoint';
import { importDocument } from '../../src/ingest/json-import';
import { ImportReport } from '../../src/import/report';
import { resetToSeed, testDatabase } from '../support/neo4j';
import { copyFixture, fixture, removeDir, runImdb, tempDir } from './helpers';

/**
 * fixtures/credits, then fixtures/credits-newer with --prune: the newer dump drops Gamma
 * (tt0100003) with its two roles, Gone Person (only on Gamma), Dropped Actor's role on Alpha (so
 * Dropped Actor, still in name.basics, is named by no role) and Pat's executive producer row.
 * The seed and a JSON document's film, person and credit on Alpha are not IMDb's to remove.
 */
let db: Database;
let pruned: ImportReport;
let seedBefore: Record<string, number>;
const dirs: string[] = [];

async function entitiesBy(actor: string): Promise<Record<string, number>> {
  const rows = await db.read<{ label: string; count: number }>(
    'MATCH (n) WHERE n.createdBy = $actor RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label',
    { actor },
  );
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
}

async function imdbIds(label: 'Film' | 'Person'): Promise<string[]> {
  const rows = await db.read<{ id: string }>(`MATCH (n:${label}) WHERE n.imdbId STARTS WITH $prefix RETURN n.imdbId AS id ORDER BY id`, {
    prefix: label === 'Film' ? 'tt01000' : 'nm02000',
  });
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  await runImdb(db, fixture('credits'));
  await importDocument(db, {
    format: 'reelgraph',
    version: 1,
    // An IMDb id absent from both dumps, on a film and a person that came from elsewhere.
    films: [{ ref: 'kept', title: 'Kept Film', externalIds: { imdb: 'tt0100098' } }, { ref: 'alpha', title: 'Alpha', externalIds: { imdb: 'tt0100001' } }],
    people: [{ ref: 'visitor', name: 'Kept Person', externalIds: { imdb: 'nm0200098' } }],
    roles: [{ person: 'visitor', film: 'alpha', kind: 'CREW', job: 'consultant' }],
  });
  seedBefore = await entitiesBy('seed');
  pruned = await runImdb(db, fixture('credits-newer'), { prune: true });
});
afterAll(async () => {
  dirs.forEach(removeDir);
  await db.close();
});

describe('--prune: a newer dump is a sync', () => {
  it('removes the dropped roles and the IMDb films and people left without them, and counts them', async () => {
    expect(pruned.status).toBe('complete');
    expect(pruned.pruned).toEqual({ roles: 3, films: 1, people: 2 });
    expect(await imdbIds('Film')).toEqual(['tt0100001', 'tt0100002', 'tt0100098']);
    expect(await imdbIds('Person')).toEqual(['nm0200001', 'nm0200002', 'nm0200003', 'nm0200004', 'nm0200006', 'nm0200098']);
    const roles = await db.read<{ person: string; kind: string; jobs: string[] }>(
      `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(:Film {imdbId: 'tt0100001'})
       RETURN p.name AS person, r.kind AS kind, r.jobs AS jobs ORDER BY person, kind`,
    );
    expect(roles).toEqual([
      { person: 'Ann Actor', kind: 'ACTOR', jobs: [] },
      { person: 'Cy Crew', kind: 'CREW', jobs: ['archive_footage', 'archive_sound'] },
      { person: 'Cy Crew', kind: 'WRITER', jobs: [] },
      { person: 'Dee Director', kind: 'DIRECTOR', jobs: [] },
      { person: 'Kept Person', kind: 'CREW', jobs: ['consultant'] },
      // The newer dump's one producer row replaces the two jobs the older one gave.
      { person: 'Pat Producer', kind: 'PRODUCER', jobs: ['producer'] },
    ]);
  });

  it('keeps what came from elsewhere: the seed, a JSON import and its credit on an IMDb film', async () => {
    expect(await entitiesBy('seed')).toEqual(seedBefore);
    expect(await entitiesBy('import:json')).toMatchObject({ Film: 1, Person: 1, Role: 1 });
  });

  it('puts the removed counts in the run’s IMPORT change', async () => {
    const [change] = await db.read<{ fields: { field: string; after: unknown }[] }>(
      `MATCH (c:Change {operation: 'IMPORT', actor: 'import:imdb'}) RETURN c.fields AS fields ORDER BY c.sequence DESC LIMIT 1`,
    );
    const fields = Object.fromEntries((typeof change.fields === 'string' ? JSON.parse(change.fields) : change.fields).map((f: any) => [f.field, f.after]));
    expect(fields).toMatchObject({ 'roles removed': 3, 'films removed': 1, 'people removed': 2 });
  });

  it('removes nothing more when run again', async () => {
    const again = await runImdb(db, fixture('credits-newer'), { prune: true });
    expect(again.pruned).toEqual({ roles: 0, films: 0, people: 0 });
  });

  it('refuses without the files that say what is gone, and prunes nothing after a failed file', async () => {
    const dir = copyFixture('credits-newer');
    dirs.push(dir);
    fs.rmSync(path.join(dir, 'title.crew.tsv'));
    await expect(runImdb(db, dir, { prune: true })).rejects.toThrow(/--prune needs .*title\.crew/);
    const truncated = copyFixture('credits');
    dirs.push(truncated);
    fs.writeFileSync(path.join(truncated, 'title.principals.tsv'), 'not a header\n');
    const failed = await runImdb(db, truncated, { prune: true });
    expect(failed.pruned).toBeUndefined();
    expect(await imdbIds('Film')).toEqual(['tt0100001', 'tt0100002', 'tt0100003', 'tt0100098']);
  });

  it('prunes right after a resumed import: the run id lives in the checkpoint', async () => {
    await resetToSeed(db);
    await runImdb(db, fixture('credits'));
    const work = tempDir();
    dirs.push(work);
    const file = path.join(work, 'checkpoint.json');
    const open = async () => (await Checkpoint.open(file, 'prune-job', async () => true, false)).checkpoint;
    const stop = { stopRequested: false };
    // Stop once the first batch of principals is being written.
    const spy = Object.create(db) as Database;
    spy.writeTx = (work, options) =>
      db.writeTx(
        (tx) =>
          work({
            run: async (cypher, params) => {
              if (/MERGE \(r:Role/.test(cypher)) stop.stopRequested = true;
              return tx.run(cypher, params);
            },
          }),
        options,
      );
    const interrupted = await runImdb(spy, fixture('credits-newer'), { prune: true, stop, checkpoint: await open() });
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.pruned).toBeUndefined();
    const resumed = await runImdb(db, fixture('credits-newer'), { prune: true, checkpoint: await open() });
    expect(resumed.resumed).toBe(true);
    // The roles the first part wrote count as held: only the dropped ones go.
    expect(resumed.pruned).toEqual({ roles: 3, films: 1, people: 2 });
    expect(await imdbIds('Film')).toEqual(['tt0100001', 'tt0100002']);
  });
});
