import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../db/database';
import { LocalNeo4j, LocalNeo4jOptions, startLocalNeo4j } from '../../db/local/launcher';
import { runOfflineImport, swapInDatabase } from '../../db/local/offline-import';
import { schemaStatements } from '../../db/schema';
import { now, recordImport } from '../../writes/change-log';
import { Checkpoint } from '../imdb/checkpoint';
import { findImdbFiles } from '../imdb/files';
import { graphCounts, refreshProminence } from '../imdb/graph';
import { DEFAULT_BATCH_SIZE, DEFAULT_TITLE_TYPES, importCounts, importImdb } from '../imdb/importer';
import { Progress, silentProgress } from '../progress';
import { ImportReport, round } from '../report';
import { IMPORTER_OPTIONS, ImportFile } from './csv';
import { GraphFiles } from './graph-files';

/**
 * The bulk path for a first load: the IMDb passes of the Cypher path, unchanged, with their
 * batches sent to CSV files (GraphFiles) instead of write transactions; then Neo4j's offline
 * importer builds a new store beside the live one, which is swapped in while the local DBMS is
 * stopped; then the schema, every index online, and the run's one IMPORT change.
 */
export interface BulkPhase {
  phase: string;
  seconds: number;
  /** What the rate counts: rows read, or nodes and relationships, or entities indexed. */
  items: number;
  unit: string;
  perSecond: number;
}

export type BulkReport = ImportReport & { path: 'bulk'; phases: BulkPhase[]; principalRowsPerSecond?: number; csvDir?: string; importerCommand?: string };

export interface BulkOptions {
  titleTypes?: string[];
  batchSize?: number;
  progress?: Progress;
  stop?: { stopRequested: boolean };
  log?: (line: string) => void;
  /** Runs once the files are written, before the importer reads them (the tests break them here). */
  afterConvert?: (files: GraphFiles) => void;
  /** Called with the importer's pid once it runs (the tests kill it). */
  onImporterStart?: (pid: number) => void;
}

/** Why the bulk path cannot be taken for these files; the command says what to do instead. */
export class BulkRefusal extends Error {}

/** The bulk path builds the whole graph from the files, so the two that every role needs must be there. */
export function checkBulkFiles(dir: string): void {
  const files = findImdbFiles(dir);
  const missing = (['title.basics', 'name.basics'] as const).filter((name) => !files.has(name));
  if (missing.length > 0) {
    throw new BulkRefusal(`The bulk path builds the graph from scratch and needs ${missing.join(' and ')} in ${dir}; import with --cypher to add these files to the graph as it is`);
  }
}

/** No database is read while converting (title.basics and name.basics are there, see checkBulkFiles). */
const NO_DATABASE = new Proxy({} as Database, {
  get() {
    throw new Error('The bulk path reads no database while it converts the files');
  },
});

/** Reads the IMDb files into the importer's files under `csvDir`: the first phase, and all of --emit-csv. */
export async function convertImdb(dir: string, csvDir: string, options: BulkOptions & { databaseLabel: string }): Promise<{ report: BulkReport; files: GraphFiles }> {
  checkBulkFiles(dir);
  const progress = options.progress ?? silentProgress;
  fs.rmSync(csvDir, { recursive: true, force: true });
  const started = Date.now();
  const files = new GraphFiles(csvDir, { actor: 'import:imdb', at: now() });
  const report = (await importImdb(NO_DATABASE, dir, {
    titleTypes: options.titleTypes ?? DEFAULT_TITLE_TYPES,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    concurrency: 1,
    progress,
    stop: options.stop,
    checkpoint: Checkpoint.none(),
    databaseLabel: options.databaseLabel,
    sink: files.sink,
  })) as BulkReport;
  report.path = 'bulk';
  report.options.path = 'bulk';
  report.phases = [];
  if (report.status === 'failed' || report.status === 'interrupted') return { report, files };
  const task = progress.begin('films (files)', report.files.find((f) => f.file === 'title.basics')?.imported ?? 0);
  await files.finish(task);
  task.end(null);
  const rows = report.files.reduce((sum, f) => sum + f.rowsRead, 0);
  report.phases.push(phase('reading and converting', Date.now() - started, rows, 'rows read'));
  report.csvDir = csvDir;
  return { report, files };
}

/** The importer's arguments for these files, database name excepted. */
export function importerArguments(files: { nodeFiles: readonly ImportFile[]; relationshipFiles: readonly ImportFile[] }): string[] {
  const multiline = [...files.nodeFiles, ...files.relationshipFiles].filter((f) => f.multiline).map((f) => f.dataPath);
  return [
    ...IMPORTER_OPTIONS,
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--strict=true',
    // Films' folded text holds line breaks. Neo4j 5.26.30's v2 reader (multi-line for named files
    // only) refused such a file at a 4 MB read-buffer boundary ("found CR outside a text cell"),
    // so the v1 reader is used, for every file, whenever one needs it.
    ...(multiline.length > 0 ? ['--multiline-fields=true'] : []),
    ...files.nodeFiles.filter((f) => f.rows > 0).map((f) => f.argument('nodes')),
    ...files.relationshipFiles.filter((f) => f.rows > 0).map((f) => f.argument('relationships')),
  ];
}

/** The local Neo4j the bulk path stops and starts again on the same data folder, with its driver. */
export class LocalGraph {
  db!: Database;
  uri = '';
  private local?: LocalNeo4j;

  constructor(private readonly options: LocalNeo4jOptions, private readonly user: string, private readonly password: string) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Starts (or reuses) the DBMS; `reused` says another command runs it, so this one may not stop it. */
  async start(): Promise<{ reused: boolean }> {
    this.local = await startLocalNeo4j(this.options);
    this.uri = this.local.uri;
    this.db = Database.connect(this.uri, this.user, this.password, undefined, 600_000);
    return { reused: this.local.reused };
  }

  async stop(): Promise<void> {
    await this.db?.close();
    await this.local?.stop();
    this.local = undefined;
  }
}

/**
 * A first load into the local Neo4j, whose graph it replaces (the caller has checked that it is
 * empty, or that --initial --yes said so). Until the swap the old graph answers; a failure at or
 * after the swap puts the old store back and starts it again, so a failed load leaves the old
 * graph as it was. `graph` must be started by this process (not reused), and is left started.
 */
export async function bulkLoadLocal(graph: LocalGraph, dir: string, options: BulkOptions = {}): Promise<BulkReport> {
  const log = options.log ?? (() => {});
  const progress = options.progress ?? silentProgress;
  const work = path.join(graph.dataDir, 'bulk-import');
  const home = path.join(work, 'home');
  fs.rmSync(work, { recursive: true, force: true });
  const began = Date.now();
  try {
    const { report, files } = await convertImdb(dir, path.join(work, 'csv'), { ...options, databaseLabel: graph.uri });
    if (report.status === 'failed' || report.status === 'interrupted') {
      report.message = `${report.message ?? 'a file could not be read'}; the graph was not changed`;
      return report;
    }
    options.afterConvert?.(files);

    let started = Date.now();
    const importTask = progress.begin('offline import', 100);
    const imported = await runOfflineImport({
      home,
      args: importerArguments(files),
      onProgress: (share) => importTask.update(Math.round(share * 100), Math.round(share * 100)),
      onStart: options.onImporterStart,
    });
    importTask.end(`offline import: ${imported.nodes.toLocaleString('en-US')} nodes, ${imported.relationships.toLocaleString('en-US')} relationships in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    report.phases.push(phase('offline import', Date.now() - started, imported.nodes + imported.relationships, 'nodes and relationships'));

    log('Stopping the local Neo4j to swap the new store in…');
    started = Date.now();
    await graph.stop();
    const swap = swapInDatabase(graph.dataDir, home, path.join(work, 'previous'));
    try {
      await graph.start();
      report.phases.push(phase('stop, swap, start', Date.now() - started, 1, 'restart'));
      started = Date.now();
      await applySchemaWithProgress(graph.db, progress);
      report.phases.push(phase('schema and indexes', Date.now() - started, imported.nodes, 'nodes indexed'));
      // People's prominence needs their films' votes, which the files only give after them: the
      // same pass the Cypher path ends with, on the loaded store (it walks the id index).
      started = Date.now();
      const people = await refreshProminence(graph.db, progress);
      report.phases.push(phase('prominence', Date.now() - started, people, 'people'));
      await recordImport(graph.db, 'import:imdb', importCounts(report.files));
      report.graph = await graphCounts(graph.db);
    } catch (error) {
      log(`The new graph could not be opened or indexed (${(error as Error).message}); putting the previous one back…`);
      await graph.stop();
      swap.restore();
      await graph.start();
      throw error;
    }
    swap.discard();
    const finished = new Date();
    report.finishedAt = finished.toISOString();
    report.elapsedSeconds = round((finished.getTime() - began) / 1000);
    const principalRows = report.files.find((f) => f.file === 'title.principals')?.rowsRead ?? 0;
    report.principalRowsPerSecond = report.elapsedSeconds > 0 ? Math.round(principalRows / report.elapsedSeconds) : 0;
    report.phases.push(phase('end to end', finished.getTime() - began, principalRows, 'principal rows'));
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function phase(name: string, ms: number, items: number, unit: string): BulkPhase {
  return { phase: name, seconds: round(ms / 1000), items, unit, perSecond: ms > 0 ? Math.round((items * 1000) / ms) : 0 };
}

/**
 * schema/*.cypher on a graph that already holds its data, then every index polled until it is
 * online, with progress, then db.awaitIndexes to be sure. Plain indexes go first, since Neo4j
 * populates them in the background; the constraints, each built and checked while its statement
 * runs, then run two at a time, one per core. (The offline importer's own --schema option would
 * build them during the import, but Neo4j 5.26 refuses it for Community's record format: "Record
 * format batch import does not support schema changes".)
 */
export async function applySchemaWithProgress(db: Database, progress: Progress): Promise<void> {
  const statements = schemaStatements();
  const isConstraint = (statement: string) => /^CREATE\s+CONSTRAINT\b/i.test(statement);
  const task = progress.begin('schema', statements.length + 100);
  let done = 0;
  const apply = async (statement: string) => {
    await db.schemaWrite(statement);
    done += 1;
    task.update(done, done);
  };
  for (const statement of statements.filter((s) => !isConstraint(s))) await apply(statement);
  // Two constraints on one label deadlock on its schema lock (each holds it shared and waits to
  // upgrade), and a deadlock found after minutes of index population is past retrying; so each
  // worker takes a whole label's constraints, and two labels build side by side.
  const byLabel = new Map<string, string[]>();
  for (const statement of statements.filter(isConstraint)) {
    const label = /\(\s*\w+\s*:\s*(\w+)\s*\)/.exec(statement)?.[1] ?? statement;
    byLabel.set(label, [...(byLabel.get(label) ?? []), statement]);
  }
  const labels = [...byLabel.values()];
  const worker = async () => {
    for (let group = labels.shift(); group !== undefined; group = labels.shift()) for (const statement of group) await apply(statement);
  };
  await Promise.all([worker(), worker()]);
  for (;;) {
    const rows = await db.read<{ state: string; percent: number }>('SHOW INDEXES YIELD state, populationPercent RETURN state, populationPercent AS percent');
    const failed = rows.find((row) => row.state === 'FAILED');
    if (failed) throw new Error('An index failed to populate; see SHOW INDEXES');
    const percent = rows.length > 0 ? rows.reduce((sum, row) => sum + row.percent, 0) / rows.length : 100;
    task.update(statements.length + Math.round(percent), statements.length + Math.round(percent));
    if (rows.every((row) => row.state === 'ONLINE')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await db.schemaWrite('CALL db.awaitIndexes(3600)');
  task.end(`schema: ${statements.length} constraints and indexes, all online`);
}
