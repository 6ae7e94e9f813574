import fs from 'node:fs';
import path from 'node:path';

/** How many errors a file's report lists; all are counted. */
export const LISTED_ERRORS = 100;
const MAX_REASONS = 40;

export type FileStatus = 'imported' | 'failed' | 'interrupted' | 'not found' | 'done in an earlier run';

export interface RowProblem {
  line: number;
  message: string;
}

/** What one input file did: the numbers a user checks after an import. */
export class FileReport {
  status: FileStatus = 'imported';
  message?: string;
  rowsRead = 0;
  imported = 0;
  readonly skipped: Record<string, number> = {};
  errorCount = 0;
  readonly errors: RowProblem[] = [];
  /** Figures beyond rows, e.g. roles added versus already present. */
  readonly details: Record<string, number> = {};
  notes: string[] = [];
  /** Rows up to this line were written by an earlier, interrupted run and not written again. */
  resumedAfterLine?: number;
  elapsedMs = 0;

  constructor(
    readonly file: string,
    readonly path: string | null,
  ) {}

  skip(reason: string, count = 1): void {
    // Reasons can carry a value from the row (a title type); garbage rows must not grow the report.
    const key = reason in this.skipped || Object.keys(this.skipped).length < MAX_REASONS ? reason : 'other reasons';
    this.skipped[key] = (this.skipped[key] ?? 0) + count;
  }

  error(line: number, message: string): void {
    this.errorCount += 1;
    if (this.errors.length < LISTED_ERRORS) this.errors.push({ line, message });
  }

  detail(name: string, count: number): void {
    this.details[name] = (this.details[name] ?? 0) + count;
  }

  get rowsPerSecond(): number {
    return this.elapsedMs > 0 ? Math.round((this.rowsRead * 1000) / this.elapsedMs) : 0;
  }

  toJSON(): Record<string, unknown> {
    return {
      file: this.file,
      path: this.path,
      status: this.status,
      ...(this.message ? { message: this.message } : {}),
      rowsRead: this.rowsRead,
      imported: this.imported,
      skipped: this.skipped,
      errorCount: this.errorCount,
      errors: this.errors,
      ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}),
      ...(this.notes.length > 0 ? { notes: this.notes } : {}),
      ...(this.resumedAfterLine !== undefined ? { resumedAfterLine: this.resumedAfterLine } : {}),
      elapsedSeconds: round(this.elapsedMs / 1000),
      rowsPerSecond: this.rowsPerSecond,
    };
  }

  static fromJSON(json: Record<string, unknown>): FileReport {
    const report = new FileReport(String(json.file), (json.path as string | null) ?? null);
    report.status = json.status as FileStatus;
    report.message = json.message as string | undefined;
    report.rowsRead = Number(json.rowsRead ?? 0);
    report.imported = Number(json.imported ?? 0);
    Object.assign(report.skipped, json.skipped ?? {});
    report.errorCount = Number(json.errorCount ?? 0);
    report.errors.push(...((json.errors as RowProblem[]) ?? []));
    Object.assign(report.details, json.details ?? {});
    report.notes = (json.notes as string[]) ?? [];
    report.elapsedMs = Number(json.elapsedSeconds ?? 0) * 1000;
    return report;
  }
}

export type ImportStatus = 'complete' | 'complete with problems' | 'interrupted' | 'failed';

export interface ImportReport {
  command: string;
  source: string;
  database: string;
  options: Record<string, unknown>;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string;
  elapsedSeconds: number;
  /** Why the import stopped early, when it did. */
  message?: string;
  /** Set when this run finished a job an interrupted run had started. */
  resumed?: boolean;
  files: FileReport[];
  /** What --prune removed (roles, films, people), when it ran. */
  pruned?: { roles: number; films: number; people: number };
  /** Why --prune removed nothing, when it was asked for and could not run. */
  pruneNote?: string;
  /** Node counts after the import. */
  graph?: Record<string, number>;
  /** Peak resident memory of the importer process. */
  peakMemoryMB?: number;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function writeReportFile(file: string, report: ImportReport): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

const number = (n: number) => n.toLocaleString('en-US');

/** The summary printed at the end: one block per file, then the totals. */
export function formatSummary(report: ImportReport): string {
  const out: string[] = [];
  out.push(`Import ${report.status}${report.message ? ` (${report.message})` : ''} in ${formatDuration(report.elapsedSeconds)} from ${report.source} into ${report.database}${report.resumed ? ' (resumed)' : ''}`);
  for (const file of report.files) {
    if (file.status === 'not found') {
      out.push(`  ${file.file}: not in the folder`);
      continue;
    }
    const head =
      `  ${file.file}: ${file.status}, ${number(file.rowsRead)} rows in ${formatDuration(file.elapsedMs / 1000)}` +
      ` (${number(file.rowsPerSecond)} rows/s): ${number(file.imported)} imported`;
    const skipped = Object.entries(file.skipped).map(([reason, count]) => `${number(count)} ${reason}`);
    out.push(head + (skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''));
    if (file.message) out.push(`    ${file.message}`);
    if (Object.keys(file.details).length > 0) {
      out.push(`    ${Object.entries(file.details).map(([k, v]) => `${k}: ${number(v)}`).join(', ')}`);
    }
    for (const note of file.notes) out.push(`    note: ${note}`);
    if (file.errorCount > 0) {
      out.push(`    ${number(file.errorCount)} error${file.errorCount === 1 ? '' : 's'}, for example:`);
      for (const problem of file.errors.slice(0, 5)) out.push(`      line ${problem.line}: ${problem.message}`);
    }
  }
  if (report.pruned) {
    out.push(`  Pruned what the files no longer hold: ${number(report.pruned.roles)} roles, ${number(report.pruned.films)} films, ${number(report.pruned.people)} people removed.`);
  }
  if (report.pruneNote) out.push(`  ${report.pruneNote}`);
  if (report.graph) {
    out.push(`  The graph now holds ${Object.entries(report.graph).map(([k, v]) => `${number(v)} ${k}`).join(', ')}.`);
  }
  return out.join('\n');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
