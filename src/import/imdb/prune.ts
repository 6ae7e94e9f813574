import { Database } from '../../db/database';
import { FileReport } from '../report';
import { ImdbFileName } from './files';
import { imdbNumber } from './id-set';
import { KnownIds } from './known-ids';

/**
 * `--prune`: after an import of a newer dump, what IMDb no longer lists goes. The rule, whose
 * every part keeps what came from elsewhere (the seed, a JSON import, a mutation):
 *
 *   roles   made by the IMDb import (createdBy 'import:imdb'), not written by this run (their
 *           `imdbRun` is another run's), on a film this run imported (a chosen title type) or on
 *           one IMDb dropped from title.basics altogether; a film now of a type not chosen is
 *           left alone, roles and all
 *   films   made by the IMDb import, absent from the new title.basics, and left with nothing
 *           but their genres (no role, review or franchise entry of anyone's)
 *   people  made by the IMDb import, not among the people this run imported, and left with no
 *           relationship at all
 *
 * Deletes go in transactions of PAGE entities; each statement looks its own candidates up again,
 * so a prune cut short is finished by running the import again (see Checkpoint.runId).
 */

/** The files a prune must have read in full: without one of them, "no longer listed" cannot be told. */
export const PRUNE_NEEDS: ImdbFileName[] = ['title.basics', 'name.basics', 'title.principals', 'title.crew'];

export interface PruneCounts {
  roles: number;
  films: number;
  people: number;
}

const PAGE = 5_000;
const IMDB = 'import:imdb';

/** Why a prune cannot run on these files, or null when it can. */
export function pruneRefusal(files: ReadonlyMap<ImdbFileName, unknown>): string | null {
  const missing = PRUNE_NEEDS.filter((name) => !files.has(name));
  return missing.length === 0
    ? null
    : `--prune needs ${PRUNE_NEEDS.join(', ')} to tell what IMDb no longer lists; the folder lacks ${missing.join(', ')}`;
}

/** Why the finished passes do not allow a prune (a file failed or was cut short), or null. */
export function unfinishedForPrune(reports: ReadonlyMap<ImdbFileName, FileReport>): string | null {
  const unfinished = PRUNE_NEEDS.filter((name) => {
    const status = reports.get(name)?.status;
    return status !== 'imported' && status !== 'done in an earlier run';
  });
  return unfinished.length === 0 ? null : `nothing was pruned: ${unfinished.join(', ')} did not import in full`;
}

export async function prune(db: Database, ids: KnownIds, run: string): Promise<PruneCounts> {
  const counts: PruneCounts = { roles: 0, films: 0, people: 0 };
  // Films are classed here, against the run's id sets, page by page: only their IMDb ids travel.
  const ours: string[] = [];
  const dropped: string[] = [];
  const flush = async (final: boolean) => {
    if (ours.length + dropped.length < PAGE && !final) return;
    const films = [...ours, ...dropped];
    counts.roles += await deleteStaleRoles(db, films, run);
    counts.films += await deleteFilms(db, dropped);
    ours.length = 0;
    dropped.length = 0;
  };
  await forEachImdbEntity(db, 'Film', async (imdbId) => {
    const number = imdbNumber(imdbId, 'tt');
    if (number === undefined) return;
    if (ids.films.has(number)) ours.push(imdbId);
    else if (!ids.titles.has(number)) dropped.push(imdbId);
    await flush(false);
  });
  await flush(true);

  const gone: string[] = [];
  await forEachImdbEntity(db, 'Person', async (imdbId) => {
    const number = imdbNumber(imdbId, 'nm');
    if (number === undefined || ids.people.has(number)) return;
    gone.push(imdbId);
    if (gone.length >= PAGE) counts.people += await deletePeople(db, gone.splice(0));
  });
  counts.people += await deletePeople(db, gone);
  return counts;
}

/** The IMDb ids of the films or people the IMDb import made, in id order, a page at a time. */
async function forEachImdbEntity(db: Database, label: 'Film' | 'Person', visit: (imdbId: string) => Promise<void>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db.read<{ imdbId: string }>(
      `MATCH (n:${label}) WHERE n.imdbId > $after AND n.createdBy = $imdb
       RETURN n.imdbId AS imdbId ORDER BY imdbId LIMIT $limit`,
      { after, limit: PAGE, imdb: IMDB },
    );
    for (const row of rows) await visit(row.imdbId);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].imdbId;
  }
}

async function deleteStaleRoles(db: Database, films: string[], run: string): Promise<number> {
  if (films.length === 0) return 0;
  return db.writeTx(async (tx) => {
    const [row] = await tx.run<{ removed: number }>(
      `UNWIND $films AS imdbId
       MATCH (f:Film {imdbId: imdbId})<-[:ON_FILM]-(r:Role)
       WHERE r.createdBy = $imdb AND coalesce(r.imdbRun, '') <> $run
       DETACH DELETE r
       RETURN count(*) AS removed`,
      { films, run, imdb: IMDB },
    );
    return row?.removed ?? 0;
  });
}

async function deleteFilms(db: Database, films: string[]): Promise<number> {
  if (films.length === 0) return 0;
  return db.writeTx(async (tx) => {
    const [row] = await tx.run<{ removed: number }>(
      `UNWIND $films AS imdbId
       MATCH (f:Film {imdbId: imdbId})
       WHERE f.createdBy = $imdb AND NOT EXISTS { (f)-[rel]-() WHERE type(rel) <> 'IN_GENRE' }
       DETACH DELETE f
       RETURN count(*) AS removed`,
      { films, imdb: IMDB },
    );
    return row?.removed ?? 0;
  });
}

async function deletePeople(db: Database, people: string[]): Promise<number> {
  if (people.length === 0) return 0;
  return db.writeTx(async (tx) => {
    const [row] = await tx.run<{ removed: number }>(
      `UNWIND $people AS imdbId
       MATCH (p:Person {imdbId: imdbId})
       WHERE p.createdBy = $imdb AND NOT EXISTS { (p)--() }
       DELETE p
       RETURN count(*) AS removed`,
      { people, imdb: IMDB },
    );
    return row?.removed ?? 0;
  });
}
