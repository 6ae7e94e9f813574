import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { launcherClasspath } from './launcher';

/**
 * Neo4j's offline importer (`neo4j-admin database import full`, org.neo4j.cli.AdminTool in
 * neo4j-command-line, a dependency of the local Neo4j) run in a JVM of its own, and the swap of
 * its result into the local Neo4j's data folder.
 *
 * The local DBMS is built on its data folder as its home, so its default database lives in
 * `<dataDir>/data/databases/neo4j` with its transactions in `<dataDir>/data/transactions/neo4j`.
 * The import is made under a scratch home of its own, so it runs while the old graph still
 * answers, and a failed import leaves nothing to undo. Only the swap needs the DBMS stopped.
 */
export const DEFAULT_DATABASE = 'neo4j';

export interface OfflineImportOptions {
  /** The scratch NEO4J_HOME; its data/ must not hold the database yet. */
  home: string;
  database?: string;
  /** The importer's arguments after `database import full`, the database name excepted. */
  args: string[];
  /** Share done (0 to 1) of the whole import, from the importer's own progress lines. */
  onProgress?: (share: number, stage: string) => void;
  /** Limits the importer's memory; the machine is shared. */
  maxOffHeap?: string;
  /** Called with the child once it runs (the tests stop one midway). */
  onStart?: (pid: number) => void;
}

export class OfflineImportError extends Error {}

export interface OfflineImportResult {
  nodes: number;
  relationships: number;
  properties: number;
  elapsedMs: number;
  output: string;
}

/** Runs the import; resolves with the importer's counts, rejects with the end of its output when it fails. */
export function runOfflineImport(options: OfflineImportOptions): Promise<OfflineImportResult> {
  fs.mkdirSync(options.home, { recursive: true });
  const database = options.database ?? DEFAULT_DATABASE;
  const args = [
    '-Xms256m',
    '-Xmx1g',
    '-cp',
    launcherClasspath(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The name first: a file list option (--relationships=a,b …) would take a name after it as a file.
    database,
    `--max-off-heap-memory=${options.maxOffHeap ?? '2g'}`,
    `--report-file=${path.join(options.home, 'import.report')}`,
    ...options.args,
  ];
  const started = Date.now();
  const outputFile = path.join(options.home, 'import.out');
  const out = fs.createWriteStream(outputFile);
  const child = spawn('java', args, { cwd: options.home, env: { ...process.env, NEO4J_HOME: options.home }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onStart?.(child.pid);
  const tail: string[] = [];
  let stage = 'starting';
  let stageNumber = 0;
  let stages = 1;
  const onLine = (line: string) => {
    out.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 60) tail.shift();
    // "(1/4) Node import …", then rows of dots ending in "  35% ∆…".
    const step = /^\((\d+)\/(\d+)\)\s+(.*?)\s*(\d{4}-\d\d-\d\d.*)?$/.exec(line);
    if (step) {
      stageNumber = Number(step[1]) - 1;
      stages = Number(step[2]);
      stage = step[3];
    }
    const percent = /\s(\d{1,3})%\s/.exec(line);
    if (percent) options.onProgress?.(Math.min((stageNumber + Number(percent[1]) / 100) / stages, 1), stage);
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new OfflineImportError(`The offline import could not start: ${error.message}`)));
    child.once('close', (code, signal) => {
      out.end();
      const text = tail.join('\n');
      if (code !== 0) {
        reject(new OfflineImportError(`The offline import failed (${signal ? `killed by ${signal}` : `exit ${code}`}); see ${outputFile}:\n${text}`));
        return;
      }
      const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(text)?.[1] ?? 0);
      resolve({ nodes: count('nodes'), relationships: count('relationships'), properties: count('properties'), elapsedMs: Date.now() - started, output: outputFile });
    });
  });
}

/** Where a home keeps one database's store and its transaction logs. */
export function databaseFolders(home: string, database = DEFAULT_DATABASE): { store: string; transactions: string } {
  return { store: path.join(home, 'data', 'databases', database), transactions: path.join(home, 'data', 'transactions', database) };
}

/**
 * Moves the database imported under `fromHome` into `dataDir` (the DBMS must be stopped), keeping
 * the one it replaces under `keepDir`. Returns the way back (see restore). Both are renames on one
 * file system, so neither copies the store.
 */
export function swapInDatabase(dataDir: string, fromHome: string, keepDir: string, database = DEFAULT_DATABASE): { restore(): void; discard(): void } {
  const live = databaseFolders(dataDir, database);
  const fresh = databaseFolders(fromHome, database);
  const kept = { store: path.join(keepDir, 'store'), transactions: path.join(keepDir, 'transactions') };
  fs.rmSync(keepDir, { recursive: true, force: true });
  fs.mkdirSync(keepDir, { recursive: true });
  const moved: [string, string][] = [];
  const move = (from: string, to: string) => {
    if (!fs.existsSync(from)) return;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(from, to);
    moved.push([from, to]);
  };
  try {
    move(live.store, kept.store);
    move(live.transactions, kept.transactions);
    move(fresh.store, live.store);
    move(fresh.transactions, live.transactions);
  } catch (error) {
    for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
    throw error;
  }
  return {
    restore() {
      fs.rmSync(live.store, { recursive: true, force: true });
      fs.rmSync(live.transactions, { recursive: true, force: true });
      if (fs.existsSync(kept.store)) fs.renameSync(kept.store, live.store);
      if (fs.existsSync(kept.transactions)) fs.renameSync(kept.transactions, live.transactions);
      fs.rmSync(keepDir, { recursive: true, force: true });
    },
    discard() {
      fs.rmSync(keepDir, { recursive: true, force: true });
    },
  };
}
