// npm run bench:web: two figures for the Explorer, on the seed graph in a throwaway local Neo4j
// (or NEO4J_URI, which must then hold the seed graph).
//  1. the JavaScript a browser downloads for the first page (/), gzipped, listed by file, with a
//     check that the graph library is not among it;
//  2. the time from navigation to a rendered film page (Ballerina's cast on screen), cold (a new
//     browser context each time: nothing cached) and warm (a reload with the HTTP cache filled).
// A figure, not a test: it prints and never fails on a number.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const { loadConfig } = require(path.join(root, 'dist/config.js'));
const { connect } = require(path.join(root, 'dist/db/connect.js'));
const { isEmpty, loadSeed } = require(path.join(root, 'dist/seed/seed.js'));
const { startApp } = require(path.join(root, 'dist/server/app.js'));
const { chromium } = require('playwright-core');

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 15);
const CHROMIUM = process.env.REELGRAPH_CHROMIUM ?? '/usr/bin/chromium';

const config = loadConfig();
const dataDir = config.neo4jUri ? config.dataDir : fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-bench-web-'));
const connection = await connect({ ...config, dataDir, localBoltPort: 0 }, { log: () => {} });
let app;
let browser;
try {
  if (await isEmpty(connection.db)) await loadSeed(connection.db);
  app = await startApp(connection.db, { ...config, port: 0, production: true }, '127.0.0.1');
  const origin = new URL(app.url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

  // 1. What the first page costs.
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: new URL(response.url()).pathname, body: response.body() });
  });
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  let raw = 0;
  let gzipped = 0;
  console.log('JavaScript for the first page (/):');
  for (const script of scripts) {
    const body = await script.body;
    const size = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzipped += size;
    console.log(`  ${script.url}  ${kb(body.length)} raw, ${kb(size)} gzipped`);
  }
  console.log(`  total: ${kb(raw)} raw, ${kb(gzipped)} gzipped`);
  const graphLibrary = scripts.some((s) => /cytoscape/i.test(s.url));
  console.log(`  the graph library (Cytoscape) is ${graphLibrary ? 'AMONG IT' : 'not among it'}`);
  const chunk = fs.readdirSync(path.join(root, 'web/dist/assets')).find((f) => f.startsWith('CytoscapeGraph'));
  if (chunk) {
    const body = fs.readFileSync(path.join(root, 'web/dist/assets', chunk));
    console.log(`  (its own chunk, loaded when a graph is opened: ${kb(body.length)} raw, ${kb(gzipSync(body, { level: 9 }).length)} gzipped)`);
  }
  await context.close();

  // 2. Navigation to a rendered film page.
  const rendered = `document.querySelectorAll('table.cast tbody tr').length === 7 && document.querySelector('h1')?.textContent === 'Ballerina'`;
  const timeIt = async (p, navigate) => {
    await navigate();
    // performance.now() counts from the navigation's start, so this is the time the reader waited.
    const handle = await p.waitForFunction(`(${rendered}) && performance.now()`, null, { polling: 'raf' });
    return Number(await handle.jsonValue());
  };
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    // bypassCSP only lets Playwright's polling script run; the page's own scripts are unchanged.
    const c = await browser.newContext({ bypassCSP: true });
    const p = await c.newPage();
    const coldMs = await timeIt(p, () => p.goto(`${origin}/film/ballerina-2025`, { waitUntil: 'commit' }));
    const warmMs = await timeIt(p, () => p.reload({ waitUntil: 'commit' }));
    // The first run warms the server and Neo4j; it is not a reader's experience.
    if (i > 0) {
      cold.push(coldMs);
      warm.push(warmMs);
    }
    await c.close();
  }
  console.log(`\nNavigation to a rendered film page (/film/ballerina-2025, ${RUNS} runs on the seed graph):`);
  console.log(`  cold (empty cache): median ${ms(median(cold))}, p90 ${ms(quantile(cold, 0.9))}`);
  console.log(`  warm (reload):      median ${ms(median(warm))}, p90 ${ms(quantile(warm, 0.9))}`);
} finally {
  await browser?.close();
  await app?.stop();
  await connection.close();
  if (!config.neo4jUri) fs.rmSync(dataDir, { recursive: true, force: true });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
function ms(value) {
  return `${value.toFixed(0)} ms`;
}
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
function median(values) {
  return quantile(values, 0.5);
}
