import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { Connection, connect } from '../db/connect';
import { applySchema } from '../db/schema';
import { parseDocument } from '../ingest/document';
import { importDocument } from '../ingest/json-import';
import { UsageError, describeCounts, parseArgs, positiveInt, runCommand } from './args';
import { Checkpoint, defaultCheckpointFile, jobIdentity } from './imdb/checkpoint';
import { IMDB_FILE_NAMES, findImdbFiles } from './imdb/files';
import { DEFAULT_BATCH_SIZE, DEFAULT_TITLE_TYPES, importImdb } from './imdb/importer';
import { pruneRefusal } from './imdb/prune';
import { BulkRefusal, BulkReport, LocalGraph, bulkLoadLocal, convertImdb, importerArguments } from './bulk/bulk-load';
import { terminalProgress } from './progress';
import { formatDuration, formatSummary, writeReportFile } from './report';

const DEFAULT_REPORT = 'imdb-import-report.json';

const USAGE = `Usage:
  npm run import -- imdb DIR [--title-types movie,tvMovie] [--batch-size N] [--report FILE] [--concurrency N] [--restart]
                            [--prune] [--initial [--yes]] [--cypher] [--emit-csv OUT]
  npm run import -- json FILE

imdb reads whichever of IMDb's files are in DIR (${IMDB_FILE_NAMES.join(', ')}; each .tsv or .tsv.gz).
Defaults: --title-types movie,tvMovie, --batch-size ${DEFAULT_BATCH_SIZE}, --report ${DEFAULT_REPORT},
--concurrency 2 (write transactions open at once for roles, titles and ratings).
An interrupted import (Ctrl-C) continues where it stopped when run again; --restart ignores that.
--prune makes a newer dump a sync: afterwards the roles the files no longer hold (on films of the
chosen title types) go, then the films and people IMDb's import made that the files no longer
list and nothing else holds; it needs title.basics, name.basics, title.principals and title.crew.
The graph is the Neo4j at NEO4J_URI, or the local one when it is unset.

Into the local Neo4j while its graph is empty, imdb takes the bulk path: the files become CSV files
for Neo4j's offline importer, which builds a new store that replaces the empty one (10x faster or
more). --initial takes the bulk path over a graph that is not empty, replacing it whole (its API keys
too), once --yes confirms. --cypher always writes through Cypher. --emit-csv OUT only writes the CSV
files to OUT and prints the neo4j-admin command that loads them (for a Neo4j you run yourself).`;

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
  const args = parseArgs(argv, { values: ['title-types', 'batch-size', 'report', 'concurrency', 'emit-csv'], booleans: ['restart', 'prune', 'initial', 'yes', 'cypher'] });
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

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadConfig();
  const emitCsv = args.flags.get('emit-csv');
  if (prune && (args.flags.has('initial') || emitCsv !== undefined)) throw new UsageError('--prune syncs a graph with a newer dump; --initial and --emit-csv load a graph whole, with nothing to prune');
  if (emitCsv !== undefined) return emitCsvCommand(dir, path.resolve(String(emitCsv)), titleTypes, batchSize, reportFile);
  if (args.flags.has('yes') && !args.flags.has('initial')) throw new UsageError('--yes only confirms --initial');
  if (args.flags.has('cypher') && args.flags.has('initial')) throw new UsageError('--initial takes the bulk path; leave out --cypher');
  let connection: Connection;
  if (config.neo4jUri || args.flags.has('cypher')) {
    if (args.flags.has('initial')) {
      throw new UsageError(`--initial replaces the local Neo4j's graph; for the Neo4j at NEO4J_URI, write the files with --emit-csv and load them with neo4j-admin`);
    }
    connection = await connect(config, { log });
  } else {
    const graph = new LocalGraph({ dataDir: config.dataDir, port: config.localBoltPort, log }, config.neo4jUser, config.neo4jPassword);
    const { reused } = await graph.start();
    const close = () => graph.stop();
    const [{ nodes }] = await graph.db.read<{ nodes: number }>('MATCH (n) RETURN count(n) AS nodes');
    const bulk = nodes === 0 || args.flags.has('initial');
    if (bulk && nodes > 0 && !args.flags.has('yes')) {
      await close();
      throw new UsageError(`--initial would replace the local graph, which holds ${nodes.toLocaleString('en-US')} nodes (API keys included); add --yes to replace it`);
    }
    if (bulk && reused) {
      await close();
      if (args.flags.has('initial')) throw new UsageError('The local Neo4j is run by another command (npm start, npm run db); stop it first: the bulk path has to stop and start it');
      log('Note: the local Neo4j is run by another command, so the bulk path (which stops it) is not taken; importing through Cypher.');
      connection = await connect(config, { log });
    } else if (bulk) {
      return bulkCommand(graph, dir, titleTypes, batchSize, reportFile);
    } else {
      await applySchema(graph.db);
      connection = { db: graph.db, uri: graph.uri, close };
    }
  }
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

/** The bulk path into the local Neo4j (see src/import/bulk/bulk-load.ts). */
async function bulkCommand(graph: LocalGraph, dir: string, titleTypes: string[], batchSize: number, reportFile: string): Promise<number> {
  const stop = { stopRequested: false };
  const onSigint = () => {
    if (stop.stopRequested) process.exit(130);
    stop.stopRequested = true;
    process.stderr.write('\nStopping; the graph is left as it was (Ctrl-C again quits at once)…\n');
  };
  process.on('SIGINT', onSigint);
  try {
    process.stderr.write(`Bulk load into ${graph.uri} (the graph is empty, or --initial --yes): files, then Neo4j's offline importer, then indexes.\n`);
    const report = await bulkLoadLocal(graph, dir, { titleTypes, batchSize, progress: terminalProgress(), stop, log: (line) => process.stderr.write(`${line}\n`) });
    report.peakMemoryMB = Math.round(process.resourceUsage().maxRSS / 1024);
    writeReportFile(reportFile, report);
    console.log(formatSummary(report));
    console.log(formatPhases(report));
    console.log(`Report: ${reportFile}`);
    if (report.status === 'interrupted') return 130;
    return report.status === 'failed' ? 1 : 0;
  } catch (error) {
    if (error instanceof BulkRefusal) throw new UsageError(error.message);
    throw new Error(`The bulk load failed and the graph is as it was before: ${(error as Error).message}`);
  } finally {
    process.off('SIGINT', onSigint);
    await graph.stop();
  }
}

/** --emit-csv: the files and the command, for a Neo4j this command does not run. */
async function emitCsvCommand(dir: string, out: string, titleTypes: string[], batchSize: number, reportFile: string): Promise<number> {
  let converted;
  try {
    converted = await convertImdb(dir, out, { titleTypes, batchSize, progress: terminalProgress(), databaseLabel: `CSV files in ${out}` });
  } catch (error) {
    if (error instanceof BulkRefusal) throw new UsageError(error.message);
    throw error;
  }
  const { report, files } = converted;
  const command = `neo4j-admin database import full neo4j --overwrite-destination ${importerArguments(files).map(shellQuote).join(' ')}`;
  report.importerCommand = command;
  writeReportFile(reportFile, report);
  console.log(formatSummary(report));
  if (report.status === 'failed' || report.status === 'interrupted') return report.status === 'failed' ? 1 : 130;
  fs.writeFileSync(path.join(out, 'import-command.sh'), `#!/bin/sh\n# Stop the database first; this replaces the database neo4j.\n${command}\n`);
  console.log(`\nCSV files in ${out}. With the database stopped, load them with:\n\n  ${command}\n`);
  console.log('Then start it, apply schema/*.cypher (each statement in turn) and wait with CALL db.awaitIndexes(3600);');
  console.log(`the command is also in ${path.join(out, 'import-command.sh')}. Report: ${reportFile}`);
  return 0;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function formatPhases(report: BulkReport): string {
  return report.phases
    .map((p) => `  ${p.phase}: ${formatDuration(p.seconds)}, ${p.items.toLocaleString('en-US')} ${p.unit} (${p.perSecond.toLocaleString('en-US')}/s)`)
    .join('\n');
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
