import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { parseDocument } from '../ingest/document';
import { importDocument } from '../ingest/json-import';
import { UsageError, describeCounts, parseArgs, positiveInt, runCommand } from './args';
import { Checkpoint, defaultCheckpointFile, jobIdentity } from './imdb/checkpoint';
import { IMDB_FILE_NAMES, findImdbFiles } from './imdb/files';
import { DEFAULT_BATCH_SIZE, DEFAULT_TITLE_TYPES, importImdb } from './imdb/importer';
import { pruneRefusal } from './imdb/prune';
import { terminalProgress } from './progress';
import { formatSummary, writeReportFile } from './report';

const DEFAULT_REPORT = 'imdb-import-report.json';

const USAGE = `Usage:
  npm run import -- imdb DIR [--title-types movie,tvMovie] [--batch-size N] [--report FILE] [--concurrency N] [--restart] [--prune]
  npm run import -- json FILE

imdb reads whichever of IMDb's files are in DIR (${IMDB_FILE_NAMES.join(', ')}; each .tsv or .tsv.gz).
Defaults: --title-types movie,tvMovie, --batch-size ${DEFAULT_BATCH_SIZE}, --report ${DEFAULT_REPORT},
--concurrency 2 (write transactions open at once for roles, titles and ratings).
An interrupted import (Ctrl-C) continues where it stopped when run again; --restart ignores that.
--prune makes a newer dump a sync: afterwards the roles the files no longer hold (on films of the
chosen title types) go, then the films and people IMDb's import made that the files no longer
list and nothing else holds; it needs title.basics, name.basics, title.principals and title.crew.
The graph is the Neo4j at NEO4J_URI, or the local one when it is unset.`;

/** npm run import: IMDb's dataset files or a native JSON document into the graph. */
async function main(argv: string[]): Promise<number> {
  const [format, ...rest] = argv;
  if (format === 'imdb') return importImdbCommand(rest);
  if (format === 'json') return importJsonCommand(rest);
  if (format === undefined || format === '--help' || format === '-h') {
    console.log(USAGE);
    return format === undefined ? 2 : 0;
  }
  throw new UsageError(`unknown format "${format}": expected imdb or json`);
}

async function importImdbCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['title-types', 'batch-size', 'report', 'concurrency'], booleans: ['restart', 'prune'] });
  if (args.positional.length !== 1) throw new UsageError('imdb needs exactly one folder: npm run import -- imdb DIR');
  const dir = path.resolve(args.positional[0]);
  const titleTypesFlag = args.flags.get('title-types');
  const titleTypes = typeof titleTypesFlag === 'string' ? titleTypesFlag.split(',').map((t) => t.trim()).filter(Boolean) : DEFAULT_TITLE_TYPES;
  if (titleTypes.length === 0) throw new UsageError('--title-types needs at least one IMDb title type, e.g. movie,tvMovie');
  const batchSize = positiveInt(args.flags.get('batch-size'), 'batch-size', DEFAULT_BATCH_SIZE);
  const concurrency = positiveInt(args.flags.get('concurrency'), 'concurrency', 2);
  const reportFile = path.resolve(String(args.flags.get('report') ?? DEFAULT_REPORT));
  const files = findImdbFiles(dir);
  if (files.size === 0) {
    throw new UsageError(`${dir} holds none of IMDb's files (${IMDB_FILE_NAMES.map((n) => `${n}.tsv[.gz]`).join(', ')})`);
  }
  const prune = args.flags.has('prune');
  const refusal = prune ? pruneRefusal(files) : null;
  if (refusal) throw new UsageError(refusal);

  const connection = await connect(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`) });
  const stop = { stopRequested: false };
  const onSigint = () => {
    if (stop.stopRequested) process.exit(130);
    stop.stopRequested = true;
    process.stderr.write('\nStopping after the batches being written (Ctrl-C again quits at once; a later run redoes them)…\n');
  };
  process.on('SIGINT', onSigint);
  try {
    const identity = jobIdentity({
      files: [...files.values()].map((f) => ({ path: f.path, ...fileStamp(f.path) })),
      titleTypes: [...titleTypes].sort(),
      database: connection.uri,
    });
    const opened = await Checkpoint.open(
      defaultCheckpointFile(dir),
      identity,
      async (probes) => {
        const [row] = await connection.db.read<{ ok: boolean }>(
          `RETURN ($film IS NULL OR EXISTS { MATCH (:Film {imdbId: $film}) })
              AND ($person IS NULL OR EXISTS { MATCH (:Person {imdbId: $person}) }) AS ok`,
          { film: probes.film ?? null, person: probes.person ?? null },
        );
        return row.ok;
      },
      args.flags.has('restart'),
    );
    if (opened.note) process.stderr.write(`Note: ${opened.note}\n`);
    if (opened.checkpoint.resumed) process.stderr.write('Continuing the import an earlier run did not finish…\n');
    const report = await importImdb(connection.db, dir, {
      titleTypes,
      batchSize,
      concurrency,
      progress: terminalProgress(),
      stop,
      checkpoint: opened.checkpoint,
      databaseLabel: connection.uri,
      prune,
    });
    report.peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
    writeReportFile(reportFile, report);
    console.log(formatSummary(report));
    console.log(`Report: ${reportFile}`);
    if (report.status === 'interrupted') return 130;
    return report.status === 'failed' ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await connection.close();
  }
}

function fileStamp(file: string): { size: number; mtimeMs: number } {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: Math.round(stat.mtimeMs) };
}

async function importJsonCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: [], booleans: [] });
  if (args.positional.length !== 1) throw new UsageError('json needs exactly one file: npm run import -- json FILE');
  const file = path.resolve(args.positional[0]);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  // Checked whole before anything is written, so a bad document changes nothing.
  const doc = parseDocument(text);
  const connection = await connect(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const started = Date.now();
    const counts = await importDocument(connection.db, doc);
    console.log(`Imported ${file} into ${connection.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${describeCounts(counts)}`);
    return 0;
  } finally {
    await connection.close();
  }
}

runCommand(main, USAGE);
