import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What an interrupted import leaves behind so the next run with the same files and options skips
 * the writes already committed: per pass, the line every batch up to which has committed, and the
 * report of each pass that finished. Sets of ids are not saved; the next run rebuilds them by
 * reading the files again, which is far cheaper than writing. Removed when an import completes.
 */
interface CheckpointData {
  version: 1;
  /** Source files (size, mtime), title types and database: a change to any makes the checkpoint stale. */
  identity: string;
  committed: Record<string, number>;
  completed: Record<string, Record<string, unknown>>;
  /** A film and a person the checkpoint says were written; when gone, the graph was reset since. */
  probes: { film?: string; person?: string };
  /**
   * The run's id, stamped on every role it writes (imdbRun): a resumed run goes on under the
   * same id, so --prune after it knows every role the files hold. Absent in older checkpoints.
   */
  run?: string;
}

const SAVE_EVERY_MS = 2_000;

export class Checkpoint {
  private lastSave = 0;

  private constructor(
    readonly file: string | null,
    private readonly data: CheckpointData,
    /** True when this run continues an earlier one. */
    readonly resumed: boolean,
  ) {}

  /** An inert checkpoint: nothing is read or saved (tests, or a folder nobody may write to). */
  static none(): Checkpoint {
    return new Checkpoint(null, emptyData(''), false);
  }

  /**
   * Loads the checkpoint when it belongs to this job; `stillStored` checks the probes against
   * the graph. `fresh` ignores (and later overwrites) any checkpoint.
   */
  static async open(
    file: string,
    identity: string,
    stillStored: (probes: CheckpointData['probes']) => Promise<boolean>,
    fresh: boolean,
  ): Promise<{ checkpoint: Checkpoint; note?: string }> {
    let saved: CheckpointData | undefined;
    try {
      saved = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointData;
    } catch {
      saved = undefined;
    }
    if (!saved || fresh) return { checkpoint: new Checkpoint(file, emptyData(identity), false) };
    if (saved.version !== 1 || saved.identity !== identity) {
      return {
        checkpoint: new Checkpoint(file, emptyData(identity), false),
        note: 'an interrupted import of other files, options or database was found and ignored; starting over',
      };
    }
    if (!(await stillStored(saved.probes ?? {}))) {
      return {
        checkpoint: new Checkpoint(file, emptyData(identity), false),
        note: 'an interrupted import was found, but the graph no longer holds what it wrote; starting over',
      };
    }
    return { checkpoint: new Checkpoint(file, saved, true) };
  }

  /** The id every role this run writes is stamped with; null for a checkpoint saved before runs had ids. */
  get runId(): string | null {
    return this.data.run ?? null;
  }

  committedLine(pass: string): number {
    return this.data.committed[pass] ?? 0;
  }

  completedReport(pass: string): Record<string, unknown> | undefined {
    return this.data.completed[pass];
  }

  probe(kind: 'film' | 'person', imdbId: string): void {
    this.data.probes[kind] = imdbId;
  }

  committed(pass: string, line: number): void {
    this.data.committed[pass] = line;
    if (Date.now() - this.lastSave >= SAVE_EVERY_MS) this.save();
  }

  completed(pass: string, report: Record<string, unknown>): void {
    this.data.completed[pass] = report;
    this.save();
  }

  /** Written to a temporary file first, so a crash mid-save never leaves half a checkpoint. */
  save(): void {
    if (!this.file) return;
    this.lastSave = Date.now();
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data));
    fs.renameSync(temporary, this.file);
  }

  remove(): void {
    if (this.file) fs.rmSync(this.file, { force: true });
  }
}

function emptyData(identity: string): CheckpointData {
  return { version: 1, identity, committed: {}, completed: {}, probes: {}, run: crypto.randomUUID() };
}

/** Beside the data when that folder is writable, else in the temp folder under a name derived from it. */
export function defaultCheckpointFile(dir: string): string {
  const beside = path.join(dir, '.reelgraph-import-checkpoint.json');
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return beside;
  } catch {
    const hash = crypto.createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 12);
    return path.join(os.tmpdir(), `reelgraph-import-checkpoint-${hash}.json`);
  }
}

/** The identity of a job: which files (by size and modification time), options and database. */
export function jobIdentity(parts: Record<string, unknown>): string {
  return crypto.createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}
