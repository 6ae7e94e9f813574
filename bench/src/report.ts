import fs from 'node:fs';
import path from 'node:path';
import { SERVER_LABEL, WorkloadCheck } from './compare';
import { WARMUP_TURNS } from './loadtest';
import { LoadResult } from './load';
import { RunResult } from './loadtest';
import { ReelgraphProfile } from './profile';
import { SERVER_NAMES, ServerName } from './servers/spawn';
import { Capabilities, Workload } from './workloads';

export interface BenchReport {
  startedAt: string;
  films: number;
  graph: LoadResult;
  machine: { cpus: number; loadAverage: number[]; node: string };
  settings: { duration: number; warmup: number; connections: number[]; parameterSets: number; checkSample: number };
  capabilities: Capabilities;
  notes: Record<string, Partial<Record<ServerName, string>>>;
  correctness: WorkloadCheck[];
  profile: ReelgraphProfile[];
  runs: RunResult[];
  /** Peak resident memory of each server process over the whole run (VmHWM), in MiB. */
  peakRssMb: Partial<Record<ServerName, number>>;
  totalSeconds: number;
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

export function renderMarkdown(report: BenchReport, workloads: Workload[]): string {
  const lines: string[] = [];
  const g = report.graph;
  lines.push(`# Reelgraph benchmark: ${report.films.toLocaleString('en')} films`, '');
  lines.push(
    `${report.startedAt}. Graph: ${g.films} films, ${g.people} people, ${g.roles} roles, ${g.reviews} reviews, ` +
      (g.reused ? 'reused from the data folder.' : `loaded through ${g.loader === 'bulk' ? 'the offline importer' : 'importDocument'} in ${g.seconds.toFixed(0)} s.`) +
      (g.phases
        ? ` Phases: files ${g.phases.filesSeconds.toFixed(0)} s, offline import ${g.phases.importSeconds.toFixed(0)} s ` +
          `(${g.phases.nodes.toLocaleString('en')} nodes, ${g.phases.relationships.toLocaleString('en')} relationships), ` +
          `stop, swap and start ${g.phases.restartSeconds.toFixed(0)} s, schema and indexes ${g.phases.indexSeconds.toFixed(0)} s.`
        : '') +
      (g.storeBytes ? ` Store on disk: ${(g.storeBytes / 2 ** 30).toFixed(2)} GiB.` : ''),
  );
  lines.push(
    `Each run: ${report.settings.duration} s, after every server of the workload took ${WARMUP_TURNS} warm-up turns of ${report.settings.warmup} s, at ${report.settings.connections.join(', ')} connections; ` +
      `request bodies rotate over ${report.settings.parameterSets} parameter sets per workload. Machine: ${report.machine.cpus} cores ` +
      `(load average ${report.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at the start), Node ${report.machine.node}. ` +
      `Servers, Neo4j and autocannon share the machine. Total ${(report.totalSeconds / 60).toFixed(1)} min.`,
    '',
  );

  lines.push('## Correctness', '');
  for (const check of report.correctness) {
    lines.push(`- ${check.workload}: ${check.compared} parameter sets, same normalised answers from ${check.servers.map((s) => SERVER_LABEL[s]).join(', ')} (${check.nonEmpty} non-empty)`);
  }
  lines.push('');

  // A run of Reelgraph alone (a million films) has no ratios to show.
  const compared = report.runs.some((r) => r.server !== 'reelgraph');
  if (compared) lines.push('## Ratios', '', 'Reelgraph ÷ the other server: above 1 is better for requests/s, below 1 is better for latency.', '');
  if (compared) lines.push('| workload | conn | req/s vs @neo4j/graphql | req/s vs raw | p99 vs @neo4j/graphql | p99 vs raw |');
  if (compared) lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const workload of compared ? workloads : []) {
    for (const connections of report.settings.connections) {
      const run = (server: ServerName) => report.runs.find((r) => r.workload === workload.id && r.server === server && r.connections === connections);
      const rg = run('reelgraph');
      const ng = run('neo4j-graphql');
      const raw = run('raw');
      if (!rg && !ng && !raw) continue;
      const na = rg ? undefined : 'n/a';
      lines.push(
        `| ${workload.id} ${workload.title} | ${connections} | ${na ?? ratio(rg?.rps, ng?.rps)} | ${na ?? ratio(rg?.rps, raw?.rps)} | ${na ?? ratio(rg?.p99, ng?.p99)} | ${na ?? ratio(rg?.p99, raw?.p99)} |`,
      );
    }
  }
  lines.push('');

  lines.push('## Requests/s, p50 and p99 latency (ms), errors', '');
  lines.push(`| workload | conn | ${SERVER_NAMES.map((s) => `${SERVER_LABEL[s]} req/s | p50 | p99 | err`).join(' | ')} |`);
  lines.push(`| --- | ---: | ${SERVER_NAMES.map(() => '---: | ---: | ---: | ---:').join(' | ')} |`);
  for (const workload of workloads) {
    for (const connections of report.settings.connections) {
      const cells = SERVER_NAMES.map((server) => {
        const r = report.runs.find((x) => x.workload === workload.id && x.server === server && x.connections === connections);
        return r ? `${fmt(r.rps, 1)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors}` : 'n/a | | |';
      });
      if (cells.every((c) => c.startsWith('n/a'))) continue;
      lines.push(`| ${workload.id} ${workload.title} | ${connections} | ${cells.join(' | ')} |`);
    }
  }
  lines.push('');

  lines.push('## Memory', '', 'Peak resident memory of each server process (MiB): over the whole run (VmHWM), and the highest seen while each workload ran.', '');
  lines.push(`| server | whole run | ${workloads.map((w) => w.id).join(' | ')} |`);
  lines.push(`| --- | ---: | ${workloads.map(() => '---:').join(' | ')} |`);
  for (const server of SERVER_NAMES) {
    const per = workloads.map((w) => {
      const runs = report.runs.filter((r) => r.server === server && r.workload === w.id);
      return runs.length ? String(Math.max(...runs.map((r) => r.peakRssMb))) : 'n/a';
    });
    lines.push(`| ${SERVER_LABEL[server]} | ${fmt(report.peakRssMb[server])} | ${per.join(' | ')} |`);
  }
  lines.push('');

  lines.push(
    '## Profile hints (Reelgraph)',
    '',
    'From an in-process Reelgraph on the same database, requests one at a time: Cypher statements per request (each its own ' +
      'auto-commit read, or a read transaction for a multi-statement path search; @neo4j/graphql and the raw server send one), and the share of CPU by package or folder.',
    '',
    '| workload | statements / request | CPU by package or folder |',
    '| --- | ---: | --- |',
    ...report.profile.map(
      (p) =>
        `| ${p.workload} | ${p.statementsPerRequest.toFixed(1)} | ${Object.entries(p.cpu)
          .slice(0, 7)
          .map(([bucket, share]) => `${bucket} ${share}%`)
          .join(', ')} |`,
    ),
    '',
  );

  const notes = Object.entries(report.notes).flatMap(([id, byServer]) =>
    Object.entries(byServer).map(([server, note]) => `- ${id}, ${SERVER_LABEL[server as ServerName]}: ${note}`),
  );
  if (notes.length) lines.push('## Adapted and n/a', '', ...notes, '');
  return lines.join('\n');
}

export function writeReport(dir: string, report: BenchReport, workloads: Workload[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = renderMarkdown(report, workloads);
  const files = [path.join(dir, `results-${report.films}.json`), path.join(dir, `results-${report.films}.md`), path.join(dir, 'latest.md')];
  fs.writeFileSync(files[0], `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(files[1], `${markdown}\n`);
  fs.writeFileSync(files[2], `${markdown}\n`);
  const scaling = renderScaling(readReports(dir), workloads);
  if (scaling) {
    files.push(path.join(dir, 'scaling.md'));
    fs.writeFileSync(files[3], `${scaling}\n`);
  }
  return files;
}

/** Every results-<films>.json in `dir`, smallest graph first. */
export function readReports(dir: string): BenchReport[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^results-\d+\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as BenchReport)
    .sort((a, b) => a.films - b.films);
}

/**
 * How Reelgraph's latency grows with the graph, from the runs kept in the results folder: the
 * mean latency one connection sees (1000 / requests per second, finer than the whole-millisecond
 * p50) and the p50 at 8 connections, per scale, and the largest scale's over the smallest's.
 * Null with fewer than two scales.
 */
export function renderScaling(reports: BenchReport[], workloads: Workload[]): string | null {
  if (reports.length < 2) return null;
  const run = (report: BenchReport, workload: string, connections: number) =>
    report.runs.find((r) => r.server === 'reelgraph' && r.workload === workload && r.connections === connections);
  const meanMs = (r: RunResult | undefined) => (r && r.rps > 0 ? 1000 / r.rps : undefined);
  const scales = reports.map((r) => `${(r.films / 1000).toLocaleString('en')}k`);
  const lines = [
    '# Reelgraph latency by graph size',
    '',
    `From ${reports.map((r) => `results-${r.films}.json (${r.startedAt.slice(0, 10)})`).join(', ')}. ` +
      'Mean latency at 1 connection is 1000 / requests per second (one request at a time; W5 counts each page); ' +
      `the ratio is ${scales[scales.length - 1]} over ${scales[0]}: 1.00× is no growth at all.`,
    '',
    `| workload | ${scales.map((s) => `mean ms @1, ${s}`).join(' | ')} | growth @1 | ${scales.map((s) => `p50 ms @8, ${s}`).join(' | ')} | growth @8 |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} | ---: | ${scales.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const workload of workloads) {
    const at1 = reports.map((report) => meanMs(run(report, workload.id, 1)));
    const at8 = reports.map((report) => run(report, workload.id, 8)?.p50);
    if (at1.every((v) => v === undefined) && at8.every((v) => v === undefined)) continue;
    const growth = (values: (number | undefined)[]) => ratio(values[values.length - 1], values[0]);
    lines.push(
      `| ${workload.id} ${workload.title} | ${at1.map((v) => fmt(v, 2)).join(' | ')} | ${growth(at1)} | ${at8.map((v) => fmt(v)).join(' | ')} | ${growth(at8)} |`,
    );
  }
  return lines.join('\n');
}
