import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { LocalNeo4j, startLocalNeo4j } from '../../../src/db/local/launcher';
import { applySchema } from '../../../src/db/schema';
import { UsageError, parseArgs, positiveInt } from '../../../src/import/args';
import { DEFAULT_BATCH_SIZE, importImdb } from '../../../src/import/imdb/importer';
import { terminalProgress } from '../../../src/import/progress';
import { ImportReport, formatDuration } from '../../../src/import/report';
import { BENCH_SIZE, writeDataset } from './dataset';

const USAGE = `Usage: npm run bench:import -- [--titles N] [--names N] [--principals N] [--batch-size N] [--concurrency N] [--plain] [--keep]

Generates an IMDb-format dataset (200,000 titles, 500,000 names, 2,000,000 principals by default) in a
temp folder and imports it twice: into an empty graph, then into the graph that holds it. Uses a
fresh local Neo4j, or NEO4J_URI when set (which must be empty, or REELGRAPH_BENCH_ALLOW_WIPE=1).`;

/** Highest resident and heap memory of this process, sampled while an import runs. */
function memorySampler() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rssMB: Math.round(peak.rss / 2 ** 20), heapMB: Math.round(peak.heap / 2 ** 20) };
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['titles', 'names', 'principals', 'batch-size', 'concurrency'], booleans: ['plain', 'keep', 'help'] });
  if (args.flags.has('help')) {
    console.log(USAGE);
    return;
  }
  const size = {
    titles: positiveInt(args.flags.get('titles'), 'titles', BENCH_SIZE.titles),
    names: positiveInt(args.flags.get('names'), 'names', BENCH_SIZE.names),
    principals: positiveInt(args.flags.get('principals'), 'principals', BENCH_SIZE.principals),
  };
  const batchSize = positiveInt(args.flags.get('batch-size'), 'batch-size', DEFAULT_BATCH_SIZE);
  const concurrency = positiveInt(args.flags.get('concurrency'), 'concurrency', 2);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-bench-'));
  const dataDir = path.join(work, 'imdb');
  const log = (line: string) => process.stderr.write(`${line}\n`);

  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  try {
    log(`Generating ${size.titles.toLocaleString('en-US')} titles, ${size.names.toLocaleString('en-US')} names, ~${size.principals.toLocaleString('en-US')} principals in ${dataDir}…`);
    let started = Date.now();
    const stats = await writeDataset(dataDir, size, { gzip: !args.flags.has('plain') });
    log(`Generated in ${formatDuration((Date.now() - started) / 1000)}: ${JSON.stringify(stats)}`);

    const config = loadConfig();
    let uri = config.neo4jUri;
    if (!uri) {
      local = await startLocalNeo4j({ dataDir: path.join(work, 'neo4j'), port: 0, pageCache: '1g', log });
      uri = local.uri;
    }
    db = Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, 60_000);
    await applySchema(db);
    const [{ any }] = await db.read<{ any: boolean }>('RETURN EXISTS { MATCH (n) } AS any');
    if (any && process.env.REELGRAPH_BENCH_ALLOW_WIPE !== '1') {
      throw new UsageError(`${uri} is not empty; the benchmark needs an empty graph (or set REELGRAPH_BENCH_ALLOW_WIPE=1 to empty it)`);
    }
    while (any) {
      const [row] = await db.write<{ deleted: number }>('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
      if (row.deleted === 0) break;
    }

    const runs: { label: string; report: ImportReport; memory: { rssMB: number; heapMB: number } }[] = [];
    for (const label of ['into an empty graph', 'into the graph holding the data']) {
      log(`\nImport ${runs.length + 1}: ${label}`);
      const sampler = memorySampler();
      started = Date.now();
      const report = await importImdb(db, dataDir, { batchSize, concurrency, progress: terminalProgress(), databaseLabel: uri });
      const memory = sampler.stop();
      log(`  ${report.status} in ${formatDuration((Date.now() - started) / 1000)}; peak memory ${memory.rssMB} MB resident, ${memory.heapMB} MB heap`);
      runs.push({ label, report, memory });
    }

    const table: string[] = ['', `${'file'.padEnd(18)} ${'rows'.padStart(11)} ${'empty graph rows/s'.padStart(20)} ${'holding data rows/s'.padStart(21)}`];
    for (const file of runs[0].report.files) {
      const again = runs[1].report.files.find((f) => f.file === file.file)!;
      table.push(
        `${file.file.padEnd(18)} ${file.rowsRead.toLocaleString('en-US').padStart(11)} ${file.rowsPerSecond.toLocaleString('en-US').padStart(20)} ${again.rowsPerSecond.toLocaleString('en-US').padStart(21)}`,
      );
    }
    for (const run of runs) {
      table.push(`${run.label}: ${formatDuration(run.report.elapsedSeconds)} in all, peak memory ${run.memory.rssMB} MB resident / ${run.memory.heapMB} MB heap; graph ${JSON.stringify(run.report.graph)}`);
    }
    console.log(table.join('\n'));
    const reportFile = path.join(os.tmpdir(), `reelgraph-bench-${Date.now()}.json`);
    fs.writeFileSync(reportFile, JSON.stringify({ size, stats, batchSize, concurrency, cpus: os.cpus().length, runs }, null, 2));
    console.log(`Full reports: ${reportFile}`);
  } finally {
    await db?.close();
    await local?.stop();
    if (args.flags.has('keep')) log(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
