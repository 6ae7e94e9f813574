import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/config';
import { capabilitiesOf } from './compare';
import { rssOf } from './loadtest';
import { sampleParameters } from './params';
import { withServedGraph } from './served-graph';
import { WORKLOAD_IDS, workloads } from './workloads';

const USAGE = `npm run bench:soak -- [options]

  --films N        films in the generated graph (default 10000)
  --minutes M      length of the measured run (default 5)
  --warmup S       seconds of load before the run, after which RSS is the baseline (default 60)
  --connections C  concurrent connections (default 32)
  --bad SHARE      share of bad requests, 0 to 1 (default 0.1)
  --data-dir DIR   keep the local Neo4j's data here and reuse a graph already loaded there

Mixes the seven workloads (W1..W7, one request each; W5 its first page) with bad requests
(broken JSON, parse and validation errors, a page too large, a query too deep, an unknown slug)
against Reelgraph as users run it, and reports unexpected answers, latency and the server's RSS.`;

interface Options {
  films: number;
  minutes: number;
  warmup: number;
  connections: number;
  bad: number;
  dataDir?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { films: 10_000, minutes: 5, warmup: 60, connections: 32, bad: 0.1 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const n = Number(value);
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag === '--data-dir') {
      options.dataDir = path.resolve(value ?? '');
      continue;
    }
    if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} takes a number; got ${JSON.stringify(value)}\n\n${USAGE}`);
    if (flag === '--films') options.films = Math.floor(n);
    else if (flag === '--minutes') options.minutes = n;
    else if (flag === '--warmup') options.warmup = n;
    else if (flag === '--connections') options.connections = Math.max(1, Math.floor(n));
    else if (flag === '--bad') options.bad = Math.min(1, n);
    else throw new Error(`Unknown option ${flag}\n\n${USAGE}`);
  }
  return options;
}

/** A request of the mix, and what a correct answer to it looks like. */
interface MixRequest {
  kind: string;
  body: string;
  /** Whether the answer is what this request should get. */
  expected(status: number, body: any): boolean;
}

const codesOf = (body: any): string[] => (body?.errors ?? []).map((error: any) => error?.extensions?.code);

function badRequests(): MixRequest[] {
  const error = (code: string) => (status: number, body: any) => status === 200 && codesOf(body).includes(code);
  return [
    { kind: 'broken JSON', body: '{"query": "{ films', expected: (status) => status === 400 },
    { kind: 'parse error', body: JSON.stringify({ query: '{ film(slug: "x") { title ' }), expected: error('GRAPHQL_PARSE_FAILED') },
    {
      kind: 'unknown field',
      body: JSON.stringify({ query: '{ film(slug: "x") { budget } }' }),
      expected: error('GRAPHQL_VALIDATION_FAILED'),
    },
    { kind: 'page too large', body: JSON.stringify({ query: '{ films(first: 1000) { totalCount } }' }), expected: error('BAD_USER_INPUT') },
    {
      kind: 'too deep',
      body: JSON.stringify({
        query: `{ film(slug: "x") { ${'cast { person { roles { nodes { film { '.repeat(3)}title${' } } } } }'.repeat(3)} } }`,
      }),
      expected: error('QUERY_TOO_DEEP'),
    },
    {
      kind: 'unknown slug',
      body: JSON.stringify({ query: '{ film(slug: "no-such-film-1888") { title } }' }),
      expected: (status, body) => status === 200 && body?.data?.film === null && !body.errors,
    },
  ];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  let params: Awaited<ReturnType<typeof sampleParameters>> | undefined;
  await withServedGraph({ films: options.films, dataDir: options.dataDir, tempPrefix: 'reelgraph-soak-', log }, async ({ graph, server }) => {
    const sampled = params!;

    const good: MixRequest[] = workloads(await capabilitiesOf(server.url))
      .filter((w) => WORKLOAD_IDS.includes(w.id))
      .flatMap((w) =>
        sampled[w.id].map((p) => ({
          kind: w.id,
          body: w.request('reelgraph', p, 0, null)!.body,
          expected: (status: number, body: any) => status === 200 && body?.data !== undefined && !body.errors,
        })),
      );
    const bad = badRequests();
    // A fixed, shuffled sequence: the same mix every run.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const mix: MixRequest[] = Array.from({ length: 20_000 }, () =>
      random() < options.bad ? bad[Math.floor(random() * bad.length)] : good[Math.floor(random() * good.length)],
    );

    const tally = new Map<string, { count: number; unexpected: number; example?: string }>();
    let next = 0;
    const run = (seconds: number, record: boolean) =>
      autocannon({
        url: server!.url,
        connections: options.connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request: autocannon.Request, context: Record<string, any>) => {
              const item = mix[next++ % mix.length];
              context.item = item;
              return { ...request, body: item.body };
            },
            onResponse: (status: number, body: string, context: Record<string, any>) => {
              if (!record) return;
              const item = context.item as MixRequest;
              let parsed: unknown = null;
              try {
                parsed = JSON.parse(body);
              } catch {
                // Not JSON: only broken requests may get such an answer.
              }
              const entry = tally.get(item.kind) ?? { count: 0, unexpected: 0 };
              entry.count += 1;
              if (!item.expected(status, parsed)) {
                entry.unexpected += 1;
                entry.example ??= `${status} ${body.slice(0, 200)}`;
              }
              tally.set(item.kind, entry);
            },
          },
        ],
      });

    log(`Warming up for ${options.warmup} s at ${options.connections} connections`);
    await run(options.warmup, false);
    const rssAfterWarmUp = rssOf(server.pid, 'VmRSS');
    log(
      `RSS after warm-up: ${rssAfterWarmUp.toFixed(0)} MiB. Soaking for ${options.minutes} min, ${(options.bad * 100).toFixed(
        0,
      )}% bad requests`,
    );
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(server!.pid, 'VmRSS')), 10_000);
    const result = await run(options.minutes * 60, true);
    clearInterval(sampler);
    const rssAtEnd = rssOf(server.pid, 'VmRSS');

    const kinds = [...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const unexpected = kinds.reduce((sum, [, entry]) => sum + entry.unexpected, 0);
    const answered = kinds.reduce((sum, [, entry]) => sum + entry.count, 0);
    const growth = (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp;
    const figures = {
      date: new Date().toISOString(),
      films: graph.films,
      minutes: options.minutes,
      connections: options.connections,
      badShare: options.bad,
      requests: answered,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      unexpected,
      rssAfterWarmUpMb: Math.round(rssAfterWarmUp),
      rssAtEndMb: Math.round(rssAtEnd),
      rssPeakMb: Math.round(Math.max(rssAtEnd, ...samples)),
      rssGrowth: Math.round(growth * 1000) / 10,
      /** The server's RSS every 10 s of the run, in MiB: a leak climbs, a settled heap saws up and down. */
      rssSamplesMb: samples.map((mb) => Math.round(mb)),
      byKind: Object.fromEntries(kinds.map(([kind, entry]) => [kind, entry])),
    };
    const out = path.join(PROJECT_ROOT, 'bench', 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'soak.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const lines = [
      `# Soak: ${options.minutes} min at ${options.connections} connections, ${graph.films} films`,
      '',
      `${figures.date}. ${answered} answers (${figures.requestsPerSecond} requests/s), ${(options.bad * 100).toFixed(
        0,
      )}% of them bad requests on purpose.`,
      '',
      `- Unexpected answers: ${unexpected}; connection errors and time-outs: ${figures.errors}`,
      `- Latency: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
      `- Server RSS: ${figures.rssAfterWarmUpMb} MiB after warm-up, ${figures.rssAtEndMb} MiB at the end (${
        figures.rssGrowth >= 0 ? '+' : ''
      }${figures.rssGrowth}%), peak ${figures.rssPeakMb} MiB`,
      `- RSS every 10 s (MiB): ${figures.rssSamplesMb.join(' ')}`,
      '',
      '| request | answers | unexpected |',
      '| --- | ---: | ---: |',
      ...kinds.map(([kind, entry]) => `| ${kind} | ${entry.count} | ${entry.unexpected} |`),
      '',
    ];
    fs.writeFileSync(path.join(out, 'soak.md'), lines.join('\n'));
    for (const line of lines.slice(2, 8)) if (line) log(line);
    for (const [kind, entry] of kinds) if (entry.example) log(`  unexpected ${kind}: ${entry.example}`);
    log(`Wrote bench/results/soak.json and soak.md`);
  }, async (db, generator) => {
    params = await sampleParameters(db, generator, 500);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
