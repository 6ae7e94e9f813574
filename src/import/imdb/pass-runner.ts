import fs from 'node:fs';
import { Database, Tx } from '../../db/database';
import { stampGraph } from '../../ingest/graph-stamp';
import { FileReport } from '../report';
import { Progress } from '../progress';
import { BatchPipeline } from './batches';
import { Checkpoint } from './checkpoint';
import { FoundFile, ImdbFileName } from './files';
import { KnownIds } from './known-ids';
import { RowError } from './rows';
import { FileError, readTsv } from './tsv';

/** The import gave up on everything after this (the database failed, or Ctrl-C). */
export class Halt extends Error {
  constructor(readonly status: 'interrupted' | 'failed', message: string) {
    super(message);
  }
}

export type LineHandler = (line: string, lineNumber: number) => void;

/** One import's state as its passes see it. */
export interface ImportRun {
  db: Database;
  files: Map<ImdbFileName, FoundFile>;
  reports: Map<ImdbFileName, FileReport>;
  checkpoint: Checkpoint;
  runner: PassRunner;
  ids: KnownIds;
  /** Genre ids by IMDb genre name, once their films' transaction has committed. */
  genreIds: Map<string, string>;
  titleTypes: ReadonlySet<string>;
  /** Stamped on every role the run writes (see Checkpoint.runId). */
  runId: string;
}

/** What every pass of one import shares: where it reads, where it writes, and how it reports. */
export interface PassSettings {
  db: Database;
  files: Map<ImdbFileName, FoundFile>;
  reports: Map<ImdbFileName, FileReport>;
  checkpoint: Checkpoint;
  progress: Progress;
  stop: { stopRequested: boolean };
  batchSize: number;
  concurrency: number;
  batchTimeoutMs?: number;
  /** Set: batches go here instead of to the database (the bulk path, src/import/bulk/). */
  sink?: BatchSink;
}

/**
 * Where a pass's batches go instead of a write transaction: the items one pass emitted, by file,
 * answering what the pass's own write would have (genre ids, roles created).
 */
export type BatchSink = (file: ImdbFileName, items: unknown[]) => Promise<unknown>;

/**
 * The machinery of the import's passes: reading a file line by line, handing each line to the
 * pass, writing what it emits in batches with a checkpoint to resume from, and turning problems
 * into the report (a bad row is counted with its line; a database failure or Ctrl-C halts the
 * whole import, since later files need what this one writes).
 */
export class PassRunner {
  constructor(private readonly settings: PassSettings) {}

  /** A read that only fills id sets; its problems are reported by the file's writing pass. */
  async scan(name: ImdbFileName, handle: (line: string) => void): Promise<void> {
    const file = this.settings.files.get(name);
    if (!file) return;
    const task = this.settings.progress.begin(`${name} (scan)`, fileSize(file));
    let rows = 0;
    try {
      for await (const chunk of readTsv(file)) {
        for (const line of chunk.lines) handle(line);
        rows += chunk.lines.length;
        task.update(rows, chunk.bytesRead);
        if (this.settings.stop.stopRequested)
          throw new Halt('interrupted', 'Stopped on request (Ctrl-C); run the same command again to finish.');
      }
      task.end(null);
    } catch (error) {
      task.end(null);
      // The writing pass reports the same problem with its line; a partial scan only means fewer people.
      if (!(error instanceof FileError)) throw error;
    }
  }

  /**
   * Reads a file once, hands each line to the pass's handler (which may emit items to write) and
   * writes the items in batches. Rows already written by an interrupted earlier run are read and
   * counted again but not written again. `afterBatch` runs once a batch has committed.
   */
  async writePass<T, R = void>(
    name: ImdbFileName,
    report: FileReport,
    write: (tx: Tx, items: T[]) => Promise<R>,
    makeHandler: (emit: (item: T, line: number) => void) => LineHandler & { end?: () => void },
    afterBatch?: (items: T[], result: R) => void,
  ): Promise<void> {
    const file = this.settings.files.get(name)!;
    const done = this.settings.checkpoint.completedReport(name);
    if (done && !this.feedsLaterPasses(name)) {
      const earlier = FileReport.fromJSON(done);
      earlier.status = 'done in an earlier run';
      this.settings.reports.set(name, earlier);
      return;
    }
    const resumeAfter = done ? Number.POSITIVE_INFINITY : this.settings.checkpoint.committedLine(name);
    if (done) report.notes.push('written by an earlier run; read again only for its ids');
    else if (resumeAfter > 0) report.resumedAfterLine = resumeAfter;

    const pipeline = new BatchPipeline<T>(
      this.settings.batchSize,
      name === 'title.basics' || name === 'name.basics' ? 1 : this.settings.concurrency,
      async (items) => {
        const { sink } = this.settings;
        if (sink) {
          // Not inside afterBatch?.(…): an absent afterBatch would skip the sink too.
          const result = (await sink(name, items)) as R;
          afterBatch?.(items, result);
          return;
        }
        const result = await this.settings.db.writeTx((tx) => write(tx, items), { timeoutMs: this.settings.batchTimeoutMs ?? 600_000 });
        await stampGraph(this.settings.db);
        afterBatch?.(items, result);
      },
      (line) => this.settings.checkpoint.committed(name, line),
      () => this.settings.stop.stopRequested,
    );
    const handler = makeHandler((item, line) => {
      if (line > resumeAfter) pipeline.push(item, line);
    });
    const task = this.settings.progress.begin(name, fileSize(file));
    const started = Date.now();
    // Errors of the database end the whole import: later files need what this one writes.
    const writing = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        report.elapsedMs = Date.now() - started;
        task.end(null);
        report.status = this.settings.stop.stopRequested ? 'interrupted' : 'failed';
        report.message = this.settings.stop.stopRequested
          ? `Stopped on request while writing; a batch being written did not finish (${(error as Error).message})`
          : `The database failed while writing ${name}: ${(error as Error).message}`;
        throw new Halt(report.status, `${report.message}. Batches already written stay written; run the same command again to finish.`);
      }
    };

    try {
      for await (const chunk of readTsv(file)) {
        const { lines, firstLine } = chunk;
        for (let i = 0; i < lines.length && !this.settings.stop.stopRequested; i += 1) {
          report.rowsRead += 1;
          try {
            handler(lines[i], firstLine + i);
          } catch (error) {
            if (!(error instanceof RowError)) throw error;
            report.error(firstLine + i, error.message);
          }
        }
        await writing(() => pipeline.pump());
        task.update(report.rowsRead, chunk.bytesRead);
        if (this.settings.stop.stopRequested) break;
      }
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      // What was read before the problem is good and is written; only this file stops.
      report.status = 'failed';
      report.message =
        report.rowsRead > 0
          ? `${error.message}. The ${report.rowsRead.toLocaleString('en-US')} rows before it were read and imported.`
          : error.message;
    }
    if (this.settings.stop.stopRequested) {
      await writing(() => pipeline.abandon());
      report.elapsedMs = Date.now() - started;
      task.end(plainLine(report));
      report.status = 'interrupted';
      const through = Math.max(pipeline.committedThrough, resumeAfter);
      report.message = `Stopped on request (Ctrl-C): rows up to line ${through} are written, a later run goes on from there`;
      throw new Halt('interrupted', `Stopped on request (Ctrl-C) while writing ${name}; run the same command again to finish.`);
    }
    handler.end?.();
    await writing(() => pipeline.finish());
    report.elapsedMs = Date.now() - started;
    task.end(plainLine(report));
    if (report.status === 'imported') this.settings.checkpoint.completed(name, report.toJSON());
  }

  /** title.basics and name.basics tell later passes which ids exist, so they are always read. */
  private feedsLaterPasses(name: ImdbFileName): boolean {
    return name === 'title.basics' || name === 'name.basics';
  }
}

export function fileSize(file: FoundFile): number {
  try {
    return fs.statSync(file.path).size;
  } catch {
    return 0;
  }
}

export function plainLine(report: FileReport): string {
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  return (
    `${report.file}: ${report.rowsRead.toLocaleString('en-US')} rows in ${(report.elapsedMs / 1000).toFixed(1)} s ` +
    `(${report.rowsPerSecond.toLocaleString('en-US')} rows/s), ${report.imported.toLocaleString('en-US')} imported, ` +
    `${skipped.toLocaleString('en-US')} skipped, ${report.errorCount.toLocaleString('en-US')} errors` +
    (report.status === 'failed' ? ` — FAILED: ${report.message}` : '')
  );
}
