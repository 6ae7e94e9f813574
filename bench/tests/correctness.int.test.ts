import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Driver } from 'neo4j-driver';
import { Database } from '../../src/db/database';
import { capabilitiesOf, checkAll, checkWorkload, CorrectnessError, Target } from '../src/compare';
import { FilmGraphGenerator } from '../src/generate';
import { loadGraph } from '../src/load';
import { sampleParameters } from '../src/params';
import { benchDriver, RunningServer, startNeo4jGraphqlServer } from '../src/servers/neo4j-graphql';
import { startRawServer } from '../src/servers/raw';
import { Params, WorkloadId, workloads } from '../src/workloads';
import { App, startApp } from '../../src/server/app';
import { testDatabase, wipe } from '../../tests/support/neo4j';

/**
 * The benchmark's correctness check (npm run bench runs the same code before any load) on a
 * 300-film generated graph: Reelgraph, @neo4j/graphql and the raw Cypher server give the same
 * normalised answers for all seven workloads, and a server that answers differently is caught.
 * The servers run in-process here; the bench runs them as child processes.
 */
let db: Database;
let app: App;
let drivers: Driver[] = [];
let others: RunningServer[] = [];
let targets: Target[];
let params: Record<WorkloadId, Params[]>;

beforeAll(async () => {
  db = testDatabase();
  await wipe(db);
  const generator = new FilmGraphGenerator({ films: 300 });
  await loadGraph(db, generator);
  params = await sampleParameters(db, generator, 60);
  const uri = process.env.REELGRAPH_TEST_NEO4J_URI!;
  drivers = [benchDriver(uri), benchDriver(uri, { plainNumbers: true })];
  app = await startApp(db, { port: 0, production: true, maxQueryDepth: 12, maxQueryCost: 50_000 }, '127.0.0.1');
  others = [await startNeo4jGraphqlServer(drivers[0], 0), await startRawServer(drivers[1], 0)];
  targets = [
    { name: 'reelgraph', url: app.url },
    { name: 'neo4j-graphql', url: others[0].url },
    { name: 'raw', url: others[1].url },
  ];
}, 240_000);

afterAll(async () => {
  await Promise.all(others.map((s) => s.stop()));
  await app?.stop();
  await Promise.all(drivers.map((d) => d.close()));
  await wipe(db);
  await db.close();
}, 60_000);

test('the generated graph has the shape the benchmark promises', async () => {
  const [row] = await db.read<{ films: number; people: number; roles: number; franchised: number }>(
    `RETURN COUNT { (:Film) } AS films, COUNT { (:Person) } AS people, COUNT { (:Role) } AS roles,
            COUNT { (:Film)-[:IN_FRANCHISE]->(:Franchise) } AS franchised`,
  );
  expect(row.films).toBe(300);
  expect(row.roles / row.films).toBeGreaterThan(6);
  expect(row.roles / row.films).toBeLessThan(10);
  expect(row.franchised).toBeGreaterThanOrEqual(25);
  expect(params.W3.length).toBeGreaterThanOrEqual(3);
});

test('all three servers give the same answers for all seven workloads', async () => {
  const capabilities = await capabilitiesOf(app.url);
  const checks = await checkAll(targets, workloads(capabilities), params, 20);
  expect(checks.map((c) => c.workload)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7']);
  for (const check of checks) {
    expect(check.compared).toBe(Math.min(20, params[check.workload as WorkloadId].length));
    // A check of nothing but empty answers would prove nothing.
    expect(check.nonEmpty).toBeGreaterThan(0);
    expect(check.servers.length).toBeGreaterThanOrEqual(2);
  }
}, 240_000);

test('a server whose answer differs stops the check with the place it differs', async () => {
  // A proxy in front of the raw server that swaps the first two cast members of every film page.
  const raw = targets.find((t) => t.name === 'raw')!;
  const proxy = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(raw.url + (req.url ?? '/').slice(1), { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
    const json = (await upstream.json()) as any;
    const cast = json.data?.film?.cast;
    if (Array.isArray(cast) && cast.length > 1) [cast[0], cast[1]] = [cast[1], cast[0]];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const broken: Target[] = [targets[0], { name: 'raw', url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/` }];
    const filmPage = workloads(await capabilitiesOf(app.url)).find((w) => w.id === 'W1')!;
    const failure = checkWorkload(broken, filmPage, params.W1, 20);
    await expect(failure).rejects.toThrow(CorrectnessError);
    await expect(checkWorkload(broken, filmPage, params.W1, 20)).rejects.toThrow(/W1 film page: raw Cypher differs from Reelgraph .* at answer\[0\]\.cast\[0\]/s);
  } finally {
    await new Promise((resolve) => proxy.close(resolve));
  }
}, 120_000);
