import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { applySchema } from '../../src/db/schema';
import { LocalGraph } from '../../src/import/bulk/bulk-load';
import { bulkLoadGenerated, isEmptyGraph } from './bulk-load';
import { capabilitiesOf, checkAll, CorrectnessError, SERVER_LABEL, Target } from './compare';
import { FilmGraphGenerator } from './generate';
import { CHUNK_FILMS, countGraph, loadGraph, LoadResult } from './load';
import { rssOf, RunResult, runLoad, WARMUP_TURNS } from './loadtest';
import { sampleParameters } from './params';
import { profileReelgraph } from './profile';
import { BenchReport, readReports, renderMarkdown, renderScaling, writeReport } from './report';
import { SERVER_NAMES, ServerName, ServerProcess, startServerProcess } from './servers/spawn';
import { WORKLOAD_IDS, WorkloadId, workloads } from './workloads';

const USAGE = `npm run bench -- [options]

  --films N            films in the generated graph (default 2000; people ≈ 2.5 N, roles ≈ 8 N)
  --duration S         seconds per measured run (default 10, shortened when needed to keep the
                       whole run within --budget; an explicit --duration is never shortened)
  --budget MIN         minutes the whole run may take when --duration is not given (default 19)
  --warmup S           seconds of each warm-up turn: every server of a workload takes two before any is measured (default 4)
  --connections LIST   concurrency levels (default 1,8,32)
  --workloads LIST     W1..W7 (default all): W1 film page, W2 filmography, W3 franchise page,
                       W4 search, W5 browse, W6 shortest path, W7 related films
  --params N           parameter sets per workload (default 2000)
  --check N            parameter sets per workload compared across the servers (default 20)
  --check-only         stop after the correctness check
  --data-dir DIR       keep the local Neo4j's data here and reuse a graph already loaded there
                       (default: a temporary folder, removed at the end)
  --load HOW           bulk (default with the local Neo4j: Neo4j's offline importer, minutes for a
                       million films) or document (importDocument, the JSON import's path; the
                       only way into a Neo4j named by NEO4J_URI)
  --page-cache SIZE    the local Neo4j's page cache (default 2g)
  --servers LIST       reelgraph,neo4j-graphql,raw (default all; the ratio tables need all three)
  --out DIR            where results go (default bench/results)

NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) uses that Neo4j instead of a local one; it must be
empty or hold this benchmark's graph of the same size.`;

interface Options {
  films: number;
  duration: number;
  durationGiven: boolean;
  budgetMinutes: number;
  warmup: number;
  connections: number[];
  workloads: WorkloadId[];
  params: number;
  check: number;
  checkOnly: boolean;
  dataDir?: string;
  load?: 'bulk' | 'document';
  pageCache: string;
  servers: ServerName[];
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    films: 2000,
    duration: 10,
    durationGiven: false,
    budgetMinutes: 19,
    warmup: 4,
    connections: [1, 8, 32],
    workloads: [...WORKLOAD_IDS],
    params: 2000,
    check: 20,
    checkOnly: false,
    pageCache: '2g',
    servers: [...SERVER_NAMES],
    out: path.join(PROJECT_ROOT, 'bench', 'results'),
  };
  const positive = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} takes a positive number; got ${JSON.stringify(value)}\n\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--films': options.films = Math.floor(positive(flag, value)); i += 1; break;
      case '--duration': options.duration = positive(flag, value); options.durationGiven = true; i += 1; break;
      case '--budget': options.budgetMinutes = positive(flag, value); i += 1; break;
      case '--warmup': options.warmup = Number(value) >= 0 ? Number(value) : positive(flag, value); i += 1; break;
      case '--connections': options.connections = (value ?? '').split(',').map((c) => Math.floor(positive(flag, c))); i += 1; break;
      case '--workloads': {
        const ids = (value ?? '').split(',').map((w) => w.trim().toUpperCase());
        const unknown = ids.filter((w) => !(WORKLOAD_IDS as string[]).includes(w));
        if (unknown.length) throw new Error(`--workloads takes ${WORKLOAD_IDS.join(',')}; got ${unknown.join(',')}`);
        options.workloads = ids as WorkloadId[];
        i += 1;
        break;
      }
      case '--params': options.params = Math.floor(positive(flag, value)); i += 1; break;
      case '--check': options.check = Math.floor(positive(flag, value)); i += 1; break;
      case '--check-only': options.checkOnly = true; break;
      case '--data-dir': options.dataDir = path.resolve(value ?? ''); i += 1; break;
      case '--load':
        if (value !== 'bulk' && value !== 'document') throw new Error(`--load takes bulk or document; got ${JSON.stringify(value)}`);
        options.load = value;
        i += 1;
        break;
      case '--page-cache': options.pageCache = value ?? ''; i += 1; break;
      case '--servers': {
        const names = (value ?? '').split(',').map((n) => n.trim());
        const unknown = names.filter((n) => !(SERVER_NAMES as string[]).includes(n));
        if (unknown.length || names.length === 0) throw new Error(`--servers takes ${SERVER_NAMES.join(',')}; got ${value}`);
        options.servers = SERVER_NAMES.filter((n) => names.includes(n));
        i += 1;
        break;
      }
      case '--out': options.out = path.resolve(value ?? ''); i += 1; break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`Unknown option ${flag}\n\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const log = (line: string) => console.log(`[${elapsed().padStart(6)}] ${line}`);
  const config = loadConfig();

  let local: LocalGraph | undefined;
  let tempDir: string | undefined;
  let uri = config.neo4jUri;
  const servers: ServerProcess[] = [];
  let db: Database | undefined;
  const cleanup = async () => {
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
    await db?.close().catch(() => {});
    await local?.stop().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
  // A run stopped by Ctrl-C or by `kill` must not leave its servers and Neo4j running.
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  try {
    if (!uri) {
      const dataDir = options.dataDir ?? (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-bench-')));
      log(`Starting a local Neo4j on ${dataDir}`);
      local = new LocalGraph({ dataDir, port: 0, pageCache: options.pageCache, log }, config.neo4jUser, config.neo4jPassword);
      await local.start();
      uri = local.uri;
      db = local.db;
    } else {
      if (options.load === 'bulk') throw new Error('--load bulk needs the local Neo4j (the offline importer writes its store); unset NEO4J_URI');
      log(`Using the Neo4j at ${uri}`);
      db = Database.connect(uri, config.neo4jUser, config.neo4jPassword, config.neo4jDatabase, 600_000);
    }
    await applySchema(db);

    const generator = new FilmGraphGenerator({ films: options.films });
    const how = local && options.load !== 'document' ? 'bulk' : 'document';
    let graph: LoadResult;
    if (how === 'bulk' && local && (await isEmptyGraph(db))) {
      log(`Loading ${options.films} films (${generator.people} people, ${generator.franchises.length} franchises) through the offline importer…`);
      const loadStarted = Date.now();
      const phases = await bulkLoadGenerated(local, generator, CHUNK_FILMS, log);
      db = local.db;
      uri = local.uri;
      graph = { ...(await countGraph(db)), seconds: (Date.now() - loadStarted) / 1000, reused: false, loader: 'bulk', phases };
    } else {
      log(`Loading ${options.films} films (${generator.people} people, ${generator.franchises.length} franchises) through importDocument…`);
      graph = await loadGraph(db, generator, log);
    }
    log(
      `Graph ${graph.reused ? 'already loaded' : `loaded in ${graph.seconds.toFixed(0)} s`}: ${graph.films} films, ${graph.people} people, ${graph.roles} roles, ${graph.reviews} reviews`,
    );

    if (local) graph.storeBytes = storeBytes(local.dataDir);
    const params = await sampleParameters(db, generator, options.params);
    log(`Drew ${options.params} parameter sets per workload`);

    for (const name of options.servers) {
      const server = await startServerProcess(name, uri);
      servers.push(server);
      log(`${SERVER_LABEL[name]} serving at ${server.url} (pid ${server.pid})`);
    }
    const targets: Target[] = servers.map((s) => ({ name: s.name, url: s.url }));
    const capabilities = await capabilitiesOf(servers[0].url);
    const list = workloads(capabilities).filter((w) => options.workloads.includes(w.id));
    for (const w of list) {
      for (const [server, note] of Object.entries(w.notes)) log(`  ${w.id} ${SERVER_LABEL[server as keyof typeof SERVER_LABEL]}: ${note}`);
    }

    log(`Correctness: ${options.check} parameter sets per workload on every server`);
    const correctness = await checkAll(targets, list, params, options.check, log);
    const profile = await profileReelgraph(db, list, params);
    log(`Reelgraph's Cypher statements per request: ${profile.map((p) => `${p.workload} ${p.statementsPerRequest.toFixed(1)}`).join(', ')} (the others: 1)`);
    for (const p of profile) {
      log(`  ${p.workload} CPU: ${Object.entries(p.cpu).slice(0, 6).map(([bucket, share]) => `${bucket} ${share}%`).join(', ')}`);
    }
    if (options.checkOnly) {
      log('Correctness check passed (--check-only: no load runs).');
      return;
    }

    // The order of servers still rotates per workload, so none is always measured first.
    const plan = list.flatMap((w, i) =>
      [...servers.slice(i % servers.length), ...servers.slice(0, i % servers.length)]
        .filter((s) => w.request(s.name, params[w.id][0], 0, null))
        .map((s) => ({ w, s })),
    );
    const levels = options.connections.length;
    const warmupSeconds = WARMUP_TURNS * plan.length * options.warmup;
    // What is left of the budget after start-up, load and checks, less a minute for reports and shutdown.
    const left = options.budgetMinutes * 60 - (Date.now() - started) / 1000 - 60 - warmupSeconds;
    if (!options.durationGiven && plan.length * levels * options.duration > left) {
      const fitted = Math.max(3, Math.floor(left / plan.length / levels));
      log(`Runs of ${options.duration} s would pass the ${options.budgetMinutes}-minute budget: ${fitted} s each instead (--duration forces a length)`);
      options.duration = fitted;
    }
    const estimate = warmupSeconds + plan.length * levels * options.duration;
    log(`Load: ${plan.length} workload×server pairs × ${options.connections.length} levels, about ${(estimate / 60).toFixed(1)} min`);
    const runs: RunResult[] = [];
    for (const [i, { w, s }] of plan.entries()) {
      // Neo4j's JIT compiler needs tens of seconds of a workload's statements before its cost per
      // request settles (at 10k films it spent 1.8 ms a W1 request compiling in the first 10 s,
      // 0.02 ms after 40 s). Every server of a workload takes turns warming it before any of them is
      // measured, so the first one measured does not meet a colder database than the others.
      if (options.warmup > 0 && plan[i - 1]?.w !== w) {
        const turns = plan.filter((p) => p.w === w);
        for (let turn = 0; turn < WARMUP_TURNS; turn++) {
          for (const p of turns) await runLoad({ name: p.s.name, url: p.s.url, pid: p.s.pid }, w, params[w.id], 8, options.warmup);
        }
      }
      const target = { name: s.name, url: s.url, pid: s.pid };
      for (const connections of options.connections) {
        const run = await runLoad(target, w, params[w.id], connections, options.duration);
        runs.push(run);
        log(
          `  ${w.id} ${SERVER_LABEL[s.name].padEnd(14)} c=${String(connections).padStart(2)}: ${run.rps.toFixed(1).padStart(7)} req/s  ` +
            `p50 ${String(run.p50).padStart(5)} ms  p99 ${String(run.p99).padStart(5)} ms  errors ${run.errors}  rss ${run.peakRssMb} MiB  (load ${run.loadAverage})`,
        );
      }
    }

    const report: BenchReport = {
      startedAt: new Date(started).toISOString(),
      films: options.films,
      graph,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg(), node: process.version },
      settings: { duration: options.duration, warmup: options.warmup, connections: options.connections, parameterSets: options.params, checkSample: options.check },
      capabilities,
      notes: Object.fromEntries(list.map((w) => [w.id, w.notes])),
      correctness,
      profile,
      runs,
      peakRssMb: Object.fromEntries(servers.map((s) => [s.name, Math.round(rssOf(s.pid, 'VmHWM'))])),
      totalSeconds: (Date.now() - started) / 1000,
    };
    const files = writeReport(options.out, report, list);
    console.log(`\n${renderMarkdown(report, list)}`);
    const scaling = renderScaling(readReports(options.out), workloads(capabilities));
    if (scaling) console.log(`\n${scaling}\n`);
    log(`Wrote ${files.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`);
  } finally {
    await cleanup();
  }
}

/** The default database's store and transaction logs on disk. */
function storeBytes(dataDir: string): number {
  const size = (dir: string): number =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
          const full = path.join(dir, entry.name);
          return sum + (entry.isDirectory() ? size(full) : fs.statSync(full).size);
        }, 0)
      : 0;
  return size(path.join(dataDir, 'data', 'databases', 'neo4j')) + size(path.join(dataDir, 'data', 'transactions', 'neo4j'));
}

main().catch((error: unknown) => {
  if (error instanceof CorrectnessError) {
    console.error(`\nCORRECTNESS CHECK FAILED, no load was run:\n${error.message}`);
  } else {
    console.error(error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
