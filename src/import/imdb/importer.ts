import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Database } from '../../db/database';
import { recordImport } from '../../writes/change-log';
import { FileReport, ImportReport, ImportStatus, round } from '../report';
import { Progress, silentProgress } from '../progress';
import { Checkpoint } from './checkpoint';
import { crew, principals } from './credit-passes';
import { FoundFile, ImdbFileName, findImdbFiles } from './files';
import { graphCounts, refreshProminence } from './graph';
import { KnownIds } from './known-ids';
import { BatchSink, Halt, ImportRun, PassRunner } from './pass-runner';
import { nameBasics, scanCrew, scanPrincipals } from './people-passes';
import { prune, PruneCounts, pruneRefusal, unfinishedForPrune } from './prune';
import { alternativeTitles, episodes, ratings, titleBasics } from './title-passes';

export const DEFAULT_TITLE_TYPES = ['movie', 'tvMovie'];
export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImdbImportOptions {
  titleTypes?: string[];
  batchSize?: number;
  /**
   * Write transactions open at once for roles, alternative titles and ratings (default 2, so the
   * database works on one batch while the next is parsed and sent). Films and people are always
   * written one batch at a time: two batches choosing slugs side by side could both take one.
   */
  concurrency?: number;
  progress?: Progress;
  /** Set `stopRequested` (Ctrl-C) to stop after the batches being written. */
  stop?: { stopRequested: boolean };
  checkpoint?: Checkpoint;
  /** Shown in the report: where the graph lives. */
  databaseLabel?: string;
  /** Per-batch transaction time limit. */
  batchTimeoutMs?: number;
  /**
   * A newer dump is a sync: after the import, remove the roles the files no longer hold, then
   * the films and people IMDb's import made that are left without them (src/import/imdb/prune.ts).
   */
  prune?: boolean;
  /**
   * Set by the bulk path: every batch goes to this sink (CSV files) and nothing is written to the
   * database, nor the IMPORT change recorded; the caller does that once the graph is loaded.
   */
  sink?: BatchSink;
}

/**
 * Loads IMDb's dataset files from a folder, in the order their links need:
 *
 *   title.basics      films of the chosen types; every title id is remembered (IdSet)
 *   title.akas        alternative titles      } need the films
 *   title.ratings     IMDb's rating           }
 *   title.episode     read and checked; episodes are not films
 *   title.principals  scan: which people the films' roles name
 *   title.crew        scan: the same for directors and writers
 *   name.basics       those people, and only those
 *   title.principals  roles
 *   title.crew        directors and writers the principals did not already give
 *
 * People come before roles, with principals read twice, rather than roles first with placeholder
 * people filled in later: a role naming someone name.basics lacks is then known when its line is
 * read, so it is skipped and reported with that line number, and no half-made person is ever
 * stored. Reading a file again costs far less than writing it. What is kept between files is a
 * handful of id bitsets whose size follows the id range, not the row count (see IdSet); rows
 * themselves only live for one batch.
 */
export async function importImdb(db: Database, dir: string, options: ImdbImportOptions = {}): Promise<ImportReport> {
  return new ImdbImport(db, dir, options).run();
}

/**
 * The counts of a run's one IMPORT change: each file's rows imported. A follower of the feed reads
 * the graph again after one (an import's entities have no change of their own).
 */
export function importCounts(files: FileReport[]): Record<string, number> {
  return Object.fromEntries(files.filter((f) => f.imported > 0).map((f) => [f.file, f.imported]));
}

/** The order files are read in, and listed in the report. */
const PASS_ORDER: ImdbFileName[] = [
  'title.basics',
  'title.akas',
  'title.ratings',
  'title.episode',
  'name.basics',
  'title.principals',
  'title.crew',
];

class ImdbImport {
  private readonly titleTypes: Set<string>;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly progress: Progress;
  private readonly stop: { stopRequested: boolean };
  private readonly checkpoint: Checkpoint;
  private readonly files: Map<ImdbFileName, FoundFile>;
  private readonly reports = new Map<ImdbFileName, FileReport>();

  constructor(private readonly db: Database, private readonly dir: string, private readonly options: ImdbImportOptions) {
    this.titleTypes = new Set(options.titleTypes ?? DEFAULT_TITLE_TYPES);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.concurrency = options.concurrency ?? 2;
    this.progress = options.progress ?? silentProgress;
    this.stop = options.stop ?? { stopRequested: false };
    this.checkpoint = options.checkpoint ?? Checkpoint.none();
    this.files = findImdbFiles(dir);
  }

  async run(): Promise<ImportReport> {
    const started = new Date();
    if (this.options.prune) {
      const refusal = pruneRefusal(this.files);
      if (refusal) throw new Error(refusal);
      if (this.checkpoint.resumed && this.checkpoint.runId === null) {
        throw new Error('--prune cannot continue an import whose checkpoint predates run ids; run it again with --restart');
      }
    }
    for (const name of PASS_ORDER) {
      const file = this.files.get(name);
      const report = new FileReport(name, file?.path ?? null);
      if (!file) report.status = 'not found';
      if (file?.note) report.notes.push(file.note);
      this.reports.set(name, report);
    }
    let halt: Halt | undefined;
    const run = this.passes();
    try {
      await titleBasics(run);
      await alternativeTitles(run);
      await ratings(run);
      await episodes(run);
      if (this.files.has('name.basics')) {
        await scanPrincipals(run);
        await scanCrew(run);
      }
      await nameBasics(run);
      await principals(run);
      await crew(run);
    } catch (error) {
      if (!(error instanceof Halt)) throw error;
      halt = error;
    }

    let pruned: PruneCounts | undefined;
    let pruneNote: string | undefined;
    // The bulk path has no database while it converts: it never prunes (it loads an empty graph).
    if (this.options.prune && !this.options.sink && !halt) {
      pruneNote = unfinishedForPrune(this.reports) ?? undefined;
      if (!pruneNote) {
        const task = this.progress.begin('prune', 0);
        try {
          pruned = await prune(this.db, run.ids, run.runId);
          task.end(`pruned: ${pruned.roles} roles, ${pruned.films} films, ${pruned.people} people removed`);
        } catch (error) {
          task.end(null);
          // The passes are done; a run with the same files and options (resumed from the
          // checkpoint, under the same run id) prunes again from the start.
          halt = new Halt('failed', `The database failed while pruning: ${(error as Error).message}. Run the same command again to finish.`);
        }
      }
    }

    // The bulk path runs the same pass once its store is loaded (bulk-load.ts).
    if (!this.options.sink && !halt) {
      try {
        await refreshProminence(this.db, this.progress);
      } catch (error) {
        // Every pass is written: the same command again (resumed from the checkpoint) ends with it.
        halt = new Halt('failed', `The database failed while ranking people: ${(error as Error).message}. Run the same command again to finish.`);
      }
    }

    const files = [...this.reports.values()];
    let status: ImportStatus;
    if (halt) status = halt.status;
    else if (files.some((f) => f.status === 'failed')) status = 'failed';
    else status = files.some((f) => f.errorCount > 0) ? 'complete with problems' : 'complete';
    if (status === 'complete' || status === 'complete with problems') this.checkpoint.remove();
    else this.checkpoint.save();

    const finished = new Date();
    const report: ImportReport = {
      command: 'import imdb',
      source: path.resolve(this.dir),
      database: this.options.databaseLabel ?? 'the configured Neo4j',
      options: { titleTypes: [...this.titleTypes], batchSize: this.batchSize, ...(this.options.prune ? { prune: true } : {}) },
      status,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      elapsedSeconds: round((finished.getTime() - started.getTime()) / 1000),
      ...(this.checkpoint.resumed ? { resumed: true } : {}),
      ...(halt ? { message: halt.message } : {}),
      files,
      ...(pruned ? { pruned } : {}),
      ...(pruneNote ? { pruneNote } : {}),
    };
    if (!this.options.sink && (!halt || halt.status === 'interrupted')) {
      // One IMPORT change for the run, with each file's rows imported: a follower of the feed
      // reads the graph again after one (an import's entities have no change of their own).
      // A prune's removals are counted in it too: those entities have no change of their own either.
      const imported = importCounts(files);
      if (pruned) Object.assign(imported, { 'roles removed': pruned.roles, 'films removed': pruned.films, 'people removed': pruned.people });
      if (Object.keys(imported).length > 0) await recordImport(this.db, 'import:imdb', imported);
      try {
        report.graph = await graphCounts(this.db);
      } catch {
        // The counts are a courtesy; an unreachable database is reported by the halt already.
      }
    }
    return report;
  }

  /** What the passes share for this run: the files, the reports, the ids seen so far and the machinery. */
  private passes(): ImportRun {
    const { db, files, reports, checkpoint } = this;
    const runner = new PassRunner({
      db,
      files,
      reports,
      checkpoint,
      progress: this.progress,
      stop: this.stop,
      batchSize: this.batchSize,
      concurrency: this.concurrency,
      batchTimeoutMs: this.options.batchTimeoutMs,
      sink: this.options.sink,
    });
    const runId = checkpoint.runId ?? randomUUID();
    return { db, files, reports, checkpoint, runner, ids: new KnownIds(), genreIds: new Map(), titleTypes: this.titleTypes, runId };
  }
}
