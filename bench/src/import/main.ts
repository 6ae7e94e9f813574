import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { LocalNeo4j, startLocalNeo4j } from '../../../src/db/local/launcher';
import { applySchema } from '../../../src/db/schema';
import { UsageError, parseArgs, positiveInt } from '../../../src/import/args';
import { DEFAULT_BATCH_SIZE, importImdb } from '../../../src/import/imdb/importer';
import { BulkReport, LocalGraph, bulkLoadLocal } from '../../../src/import/bulk/bulk-load';
import { PROJECT_ROOT } from '../../../src/config';
import { terminalProgress } from '../../../src/import/progress';
import { ImportReport, formatDuration } from '../../../src/import/report';
import { BENCH_SIZE, writeDataset } from './dataset';

const USAGE = `Usage: npm run bench:import -- [--titles N] [--names N] [--principals N] [--batch-size N] [--concurrency N] [--plain] [--keep]
                              [--paths cypher,bulk] [--cypher-runs 1|2]

Generates an IMDb-format dataset (200,000 titles, 500,000 names, 2,000,000 principals by default) in a
temp folder and imports it through the Cypher path twice (into an empty graph, then into the graph
that holds it; --cypher-runs 1 does the first only), and through the bulk path (CSV files, Neo4j's
offline importer, indexes) into a local Neo4j of its own. Uses a fresh local Neo4j for the Cypher
path, or NEO4J_URI when set (which must be empty, or REELGRAPH_BENCH_ALLOW_WIPE=1). Writes
bench/results/import-<titles>.json and .md.`;

/** IMDb's film catalogue (movie, tvMovie): about a million titles and ten million principal rows. */
const CATALOGUE = { titles: 1_000_000, principals: 10_000_000 };

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
  const args = parseArgs(argv, { values: ['titles', 'names', 'principals', 'batch-size', 'concurrency', 'paths', 'cypher-runs'], booleans: ['plain', 'keep', 'help'] });
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
  const paths = new Set(String(args.flags.get('paths') ?? 'cypher,bulk').split(','));
  const cypherRuns = positiveInt(args.flags.get('cypher-runs'), 'cypher-runs', 2);
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
    let bulk: { report: BulkReport; memory: { rssMB: number; heapMB: number } } | undefined;
    if (paths.has('bulk')) {
      log('\nBulk path: CSV files, offline import, indexes, into a local Neo4j of its own');
      const graph = new LocalGraph({ dataDir: path.join(work, 'neo4j-bulk'), port: 0, pageCache: '1g', log }, config.neo4jUser, config.neo4jPassword);
      await graph.start();
      try {
        const sampler = memorySampler();
        const report = await bulkLoadLocal(graph, dataDir, { batchSize, progress: terminalProgress(), log });
        bulk = { report, memory: sampler.stop() };
        log(`  ${report.status} in ${formatDuration(report.elapsedSeconds)}`);
      } finally {
        await graph.stop();
      }
    }
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
    for (const label of ['into an empty graph', 'into the graph holding the data'].slice(0, paths.has('cypher') ? cypherRuns : 0)) {
      log(`\nImport ${runs.length + 1}: ${label}`);
      const sampler = memorySampler();
      started = Date.now();
      const report = await importImdb(db, dataDir, { batchSize, concurrency, progress: terminalProgress(), databaseLabel: uri });
      const memory = sampler.stop();
      log(`  ${report.status} in ${formatDuration((Date.now() - started) / 1000)}; peak memory ${memory.rssMB} MB resident, ${memory.heapMB} MB heap`);
      runs.push({ label, report, memory });
    }

    const table: string[] = ['', `${'file'.padEnd(18)} ${'rows'.padStart(11)} ${'empty graph rows/s'.padStart(20)} ${'holding data rows/s'.padStart(21)}`];
    for (const file of runs[0]?.report.files ?? []) {
      const again = runs[1]?.report.files.find((f) => f.file === file.file);
      table.push(
        `${file.file.padEnd(18)} ${file.rowsRead.toLocaleString('en-US').padStart(11)} ${file.rowsPerSecond.toLocaleString('en-US').padStart(20)} ${(again?.rowsPerSecond.toLocaleString('en-US') ?? '-').padStart(21)}`,
      );
    }
    for (const run of runs) {
      table.push(`${run.label}: ${formatDuration(run.report.elapsedSeconds)} in all, peak memory ${run.memory.rssMB} MB resident / ${run.memory.heapMB} MB heap; graph ${JSON.stringify(run.report.graph)}`);
    }
    console.log(table.join('\n'));
    const results = importResults(size, runs[0]?.report, bulk?.report);
    const markdown = resultsMarkdown(size, stats, results, bulk?.memory, runs[0]?.memory);
    console.log(`\n${markdown}`);
    const base = path.join(PROJECT_ROOT, 'bench', 'results', `import-${size.titles}`);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify({ size, stats, batchSize, concurrency, cpus: os.cpus().length, results, bulk, runs }, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, markdown);
    console.log(`Results: ${base}.md and .json`);
  } finally {
    await db?.close();
    await local?.stop();
    if (args.flags.has('keep')) log(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

interface ImportResults {
  principals: number;
  cypher?: { seconds: number; principalRowsPerSecond: number };
  bulk?: { seconds: number; principalRowsPerSecond: number; phases: BulkReport['phases'] };
  speedup?: number;
  /** Each bulk phase scaled by principal rows to IMDb's film catalogue (a linear estimate). */
  projectedCatalogue?: { phase: string; seconds: number }[];
  projectedCypherSeconds?: number;
}

function importResults(size: { principals: number }, cypher: ImportReport | undefined, bulk: BulkReport | undefined): ImportResults {
  const principalsOf = (report: ImportReport) => report.files.find((f) => f.file === 'title.principals')?.rowsRead ?? 0;
  const principals = bulk ? principalsOf(bulk) : cypher ? principalsOf(cypher) : size.principals;
  const out: ImportResults = { principals };
  const scale = CATALOGUE.principals / Math.max(principals, 1);
  if (cypher) {
    out.cypher = { seconds: cypher.elapsedSeconds, principalRowsPerSecond: Math.round(principals / cypher.elapsedSeconds) };
    out.projectedCypherSeconds = Math.round(cypher.elapsedSeconds * scale);
  }
  if (bulk) {
    out.bulk = { seconds: bulk.elapsedSeconds, principalRowsPerSecond: Math.round(principals / bulk.elapsedSeconds), phases: bulk.phases };
    // The restart takes its few seconds whatever the size; every other phase is scaled by rows.
    const phases = bulk.phases.filter((p) => p.phase !== 'end to end').map((p) => ({ phase: p.phase, seconds: Math.round(p.unit === 'restart' ? p.seconds : p.seconds * scale) }));
    out.projectedCatalogue = [...phases, { phase: 'end to end', seconds: phases.reduce((sum, p) => sum + p.seconds, 0) }];
  }
  if (cypher && bulk) out.speedup = Math.round((cypher.elapsedSeconds / bulk.elapsedSeconds) * 10) / 10;
  return out;
}

function resultsMarkdown(size: object, stats: object, results: ImportResults, bulkMemory?: object, cypherMemory?: object): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const lines = [
    '# Import benchmark: the Cypher path and the bulk path',
    '',
    `Generated with \`npm run bench:import\` on ${os.cpus().length} cores (shared with other work): ${JSON.stringify(size)}; ${JSON.stringify(stats)}.`,
    '',
    '| path | end to end | principal rows/s |',
    '| --- | ---: | ---: |',
  ];
  if (results.cypher) lines.push(`| Cypher, into an empty graph | ${formatDuration(results.cypher.seconds)} | ${n(results.cypher.principalRowsPerSecond)} |`);
  if (results.bulk) lines.push(`| bulk (CSV, offline import, indexes) | ${formatDuration(results.bulk.seconds)} | ${n(results.bulk.principalRowsPerSecond)} |`);
  if (results.speedup) lines.push('', `The bulk path is **${results.speedup}x** the Cypher path end to end (target: 10x, 50,000 principal rows/s).`);
  if (results.bulk) {
    lines.push('', '## Bulk path phases', '', '| phase | time | items | rate |', '| --- | ---: | ---: | ---: |');
    for (const p of results.bulk.phases) lines.push(`| ${p.phase} | ${formatDuration(p.seconds)} | ${p.unit === 'restart' ? '' : `${n(p.items)} ${p.unit}`} | ${p.unit === 'restart' ? '' : `${n(p.perSecond)}/s`} |`);
    lines.push('', `## Projected for IMDb's film catalogue (~1M titles, ~10M principal rows)`, '', 'Each phase but the restart scaled linearly by principal rows, a rough estimate (index builds grow a little faster than linearly).', '', '| phase | projected |', '| --- | ---: |');
    for (const p of results.projectedCatalogue ?? []) lines.push(`| ${p.phase} | ${formatDuration(p.seconds)} |`);
    if (results.projectedCypherSeconds) lines.push(`| (Cypher path, same scaling) | ${formatDuration(results.projectedCypherSeconds)} |`);
  }
  lines.push('', `Peak memory of the benchmark process: bulk ${JSON.stringify(bulkMemory ?? null)}, Cypher ${JSON.stringify(cypherMemory ?? null)}.`, '');
  return lines.join('\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
