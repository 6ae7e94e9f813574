import fs from 'node:fs';
import path from 'node:path';
import { Database, Tx } from '../../src/db/database';
import { Checkpoint } from '../../src/import/imdb/checkpoint';
import { testDatabase, wipe } from '../support/neo4j';
import { exportText, fileReport, fixture, removeDir, runImdb, tempDir, withoutIds } from './helpers';

/**
 * Ctrl-C sets a flag; the import stops once the batches being written commit, and a second run
 * with the same checkpoint finishes the job without writing the committed batches again.
 */
let db: Database;
let work: string;
beforeAll(() => {
  db = testDatabase();
  work = tempDir();
});
afterAll(async () => {
  removeDir(work);
  await db.close();
});

/** The suite's database, but the stop flag is raised while the n-th principals batch is written. */
function stoppingAt(batch: number, stop: { stopRequested: boolean }) {
  let principalsBatches = 0;
  const writes: string[] = [];
  const spy = Object.create(db) as Database;
  spy.writeTx = <T>(work: (tx: Tx) => Promise<T>, options?: { timeoutMs?: number }) =>
    db.writeTx(async (tx) => {
      const watched: Tx = {
        run: async (cypher, params) => {
          // Principals and crew share writeRoles' statement; only the principals' replaces values.
          if (/MERGE \(r:Role/.test(cypher) && (params as { onlyNew?: boolean } | undefined)?.onlyNew === false) {
            principalsBatches += 1;
            writes.push(`principals ${principalsBatches}`);
            if (principalsBatches === batch) stop.stopRequested = true;
          }
          return tx.run(cypher, params);
        },
      };
      return work(watched);
    }, options);
  return { spy, writes };
}

async function openCheckpoint(file: string, identity = 'test-job') {
  return (await Checkpoint.open(file, identity, async () => true, false)).checkpoint;
}

describe('stopping and resuming an import', () => {
  it('stops after the current batch on Ctrl-C, and the next run finishes the job', async () => {
    await wipe(db);
    await runImdb(db, fixture('mapping'), { concurrency: 1 });
    const uninterrupted = withoutIds(await exportText(db));

    await wipe(db);
    const file = path.join(work, 'checkpoint.json');
    const stop = { stopRequested: false };
    const { spy } = stoppingAt(2, stop);
    const first = await runImdb(spy, fixture('mapping'), { batchSize: 4, concurrency: 1, stop, checkpoint: await openCheckpoint(file) });
    expect(first.status).toBe('interrupted');
    expect(fileReport(first, 'title.principals')).toMatchObject({
      status: 'interrupted',
      message: 'Stopped on request (Ctrl-C): rows up to line 11 are written, a later run goes on from there',
    });
    expect(fileReport(first, 'title.crew').rowsRead).toBe(0);
    const [partial] = await db.read<{ roles: number }>('MATCH (r:Role) RETURN count(r) AS roles');
    expect(partial.roles).toBe(9);
    expect(fs.existsSync(file)).toBe(true);

    const resumed = await openCheckpoint(file);
    expect(resumed.resumed).toBe(true);
    const { spy: watching, writes } = stoppingAt(0, { stopRequested: false });
    const second = await runImdb(watching, fixture('mapping'), { batchSize: 4, concurrency: 1, checkpoint: resumed });
    expect(second.status).toBe('complete');
    expect(second.resumed).toBe(true);
    // 17 principal roles gathered per title, in batches of at least 4 cut between titles: batches 1
    // and 2 (tt0000101's 5 roles and tt0000102's 4, to line 11) are not written again.
    expect(writes).toHaveLength(2);
    expect(fileReport(second, 'title.principals')).toMatchObject({ status: 'imported', resumedAfterLine: 11, rowsRead: 20, imported: 18 });
    expect(fileReport(second, 'title.akas').status).toBe('done in an earlier run');
    expect(fs.existsSync(file)).toBe(false);
    expect(withoutIds(await exportText(db))).toEqual(uninterrupted);
  });

  it('ignores a checkpoint of another job', async () => {
    const file = path.join(work, 'other.json');
    const checkpoint = await openCheckpoint(file, 'job-a');
    checkpoint.committed('title.basics', 5);
    checkpoint.save();
    const other = await Checkpoint.open(file, 'job-b', async () => true, false);
    expect(other.checkpoint.resumed).toBe(false);
    expect(other.checkpoint.committedLine('title.basics')).toBe(0);
    expect(other.note).toMatch(/other files, options or database/);
    const reset = await Checkpoint.open(file, 'job-a', async () => false, false);
    expect(reset.checkpoint.resumed).toBe(false);
    expect(reset.note).toMatch(/no longer holds/);
  });
});
