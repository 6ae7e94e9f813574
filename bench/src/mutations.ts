import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiKeyStore } from '../../src/auth/api-keys';
import { PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { withServedGraph } from './served-graph';

const USAGE = `npm run bench:writes -- [options]

  --films N          films in the generated graph (default 10000)
  --seconds S        length of each measured run (default 20)
  --warmup S         seconds of writes before each run, not measured (default 5)
  --connections C,…  concurrent clients, one run each (default 1,8)
  --data-dir DIR     keep the local Neo4j's data here and reuse a graph already loaded there

Measures addCredit and submitReview as editors send them: mutations per second and latency
percentiles at each number of connections, against Reelgraph as users run it (a child process,
NODE_ENV=production) with an EDITOR API key. Every request writes something new (a credit of a
person not yet on the film, a review with its own text), so no run measures a no-op.`;

interface Options {
  films: number;
  seconds: number;
  warmup: number;
  connections: number[];
  dataDir?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { films: 10_000, seconds: 20, warmup: 5, connections: [1, 8] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--data-dir') options.dataDir = path.resolve(value ?? '');
    else if (flag === '--connections') options.connections = (value ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    else if (['--films', '--seconds', '--warmup'].includes(flag) && Number.isFinite(Number(value)) && Number(value) >= 0) {
      options[flag.slice(2) as 'films' | 'seconds' | 'warmup'] = Number(value);
    } else throw new Error(`Unknown option or bad value: ${flag} ${value ?? ''}\n\n${USAGE}`);
  }
  if (options.connections.length === 0) throw new Error(`--connections takes a list such as 1,8\n\n${USAGE}`);
  return options;
}

/** One kind of write: the request body of its n-th call (n never repeats across runs). */
interface WriteWorkload {
  name: string;
  body(n: number): string;
}

const ADD_CREDIT = `mutation AddCredit($input: AddCreditInput!) { addCredit(input: $input) { role { id billingOrder } userErrors { code message } } }`;
const SUBMIT_REVIEW = `mutation SubmitReview($input: SubmitReviewInput!) { submitReview(input: $input) { review { id mentions { text } } userErrors { code message } } }`;

function workloads(films: string[], people: string[], names: string[]): WriteWorkload[] {
  // Pairs walk the people with a large prime stride, so a film rarely meets a person twice.
  const stride = 7_919;
  return [
    {
      name: 'addCredit',
      body: (n) =>
        JSON.stringify({
          query: ADD_CREDIT,
          variables: { input: { film: films[n % films.length], person: people[(Math.floor(n / films.length) + n * stride) % people.length], kind: 'ACTOR', characters: [`Extra ${n}`] } },
        }),
    },
    {
      name: 'submitReview',
      body: (n) =>
        JSON.stringify({
          query: SUBMIT_REVIEW,
          variables: {
            input: {
              film: films[(n * 31) % films.length],
              headline: `Bench note ${n}`,
              body: `Note ${n}: ${names[n % names.length]} carries the second act, and ${names[(n * 7) % names.length]} is a fine foil; the pacing sags before the end.`,
              rating: (n % 10) + 1,
              ratingScale: 10,
            },
          },
        }),
    },
  ];
}

interface RunResult {
  workload: string;
  connections: number;
  seconds: number;
  mutations: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  userErrors: Record<string, number>;
  failures: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** C clients, each sending its next mutation as soon as the last is answered, for `seconds`. */
async function run(url: string, key: string, workload: WriteWorkload, connections: number, seconds: number, next: { n: number }): Promise<RunResult> {
  const latencies: number[] = [];
  const userErrors: Record<string, number> = {};
  let failures = 0;
  const endAt = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < endAt) {
        const body = workload.body(next.n++);
        const sent = process.hrtime.bigint();
        try {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
          const answer = (await response.json()) as any;
          latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
          const payload = answer?.data?.[workload.name];
          if (!response.ok || answer.errors || !payload) failures += 1;
          for (const error of payload?.userErrors ?? []) userErrors[error.code] = (userErrors[error.code] ?? 0) + 1;
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    workload: workload.name,
    connections,
    seconds: round(elapsed),
    mutations: latencies.length,
    perSecond: round(latencies.length / elapsed),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    userErrors,
    failures,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);
  let key = '';
  let films: string[] = [];
  let people: string[] = [];
  let names: string[] = [];
  const prepare = async (db: Database) => {
    films = (await db.read<{ id: string }>(`MATCH (f:Film) RETURN f.id AS id ORDER BY id`)).map((row) => row.id);
    people = (await db.read<{ id: string }>(`MATCH (p:Person) RETURN p.id AS id ORDER BY id`)).map((row) => row.id);
    names = (await db.read<{ name: string }>(`MATCH (p:Person) RETURN p.name AS name ORDER BY p.id LIMIT 500`)).map((row) => row.name);
    key = (await new ApiKeyStore(db).create(`bench-writer-${Date.now()}`, 'EDITOR')).secret;
  };
  await withServedGraph({ films: options.films, dataDir: options.dataDir, tempPrefix: 'reelgraph-writes-', log }, async ({ graph, server }) => {
    // Each run starts where the last left off, so no mutation repeats one already made.
    const next = { n: Math.floor(Math.random() * 1e6) * 1_000 };
    const results: RunResult[] = [];
    for (const workload of workloads(films, people, names)) {
      for (const connections of options.connections) {
        if (options.warmup > 0) await run(server.url, key, workload, connections, options.warmup, next);
        const result = await run(server.url, key, workload, connections, options.seconds, next);
        results.push(result);
        log(`${result.workload} × ${connections}: ${result.perSecond}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, user errors ${JSON.stringify(result.userErrors)}, failures ${result.failures}`);
      }
    }
    const at = new Date().toISOString();
    const lines = [
      `# Mutations: ${graph.films} films (${at.slice(0, 10)})`,
      '',
      `\`npm run bench:writes -- --films ${options.films} --seconds ${options.seconds} --connections ${options.connections.join(',')}\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}); client, server and Neo4j share them.`,
      '',
      '| mutation | connections | mutations/s | p50 ms | p90 ms | p99 ms | max ms | user errors | failures |',
      '|---|---:|---:|---:|---:|---:|---:|---|---:|',
      ...results.map((r) => `| ${r.workload} | ${r.connections} | ${r.perSecond} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${JSON.stringify(r.userErrors)} | ${r.failures} |`),
      '',
    ];
    const dir = path.join(PROJECT_ROOT, 'bench', 'results');
    fs.writeFileSync(path.join(dir, 'mutations.md'), lines.join('\n'));
    fs.writeFileSync(path.join(dir, 'mutations.json'), `${JSON.stringify({ at, films: graph.films, options, results }, null, 2)}\n`);
    console.log(lines.join('\n'));
  }, prepare);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
