import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applySchema } from '../../src/db/schema';
import { LocalGraph } from '../../src/import/bulk/bulk-load';
import { bulkLoadGenerated } from '../src/bulk-load';
import { FilmGraphGenerator } from '../src/generate';
import { loadGraph } from '../src/load';
import { wipe } from '../../tests/support/neo4j';

/**
 * The benchmark's bulk loader builds the graph importDocument builds from the same generated
 * chunks: every node with its labels and properties, every relationship with its ends and
 * properties. Small chunks make entities repeat across chunks, as they do at a million films.
 * Left out by design: audit instants (each load has its own), the feed's entries (one IMPORT
 * change a document against one a load), and review mentions, which the bulk loader does not link.
 */
jest.setTimeout(600_000);

const FILMS = 400;
const CHUNK = 60;
let dataDir: string;
let graph: LocalGraph;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-bench-bulk-'));
  graph = new LocalGraph({ dataDir, port: 0, pageCache: '256m', log: () => {} }, 'neo4j', '');
  await graph.start();
  await applySchema(graph.db);
});
afterAll(async () => {
  await graph?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const INSTANTS = new Set(['createdAt', 'updatedAt']);
const ENTITY = `(n:Film OR n:Person OR n:Role OR n:Franchise OR n:Character OR n:Genre OR n:Review)`;

async function snapshot(): Promise<{ nodes: unknown[]; relationships: unknown[] }> {
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props)
        .filter(([k, v]) => !INSTANTS.has(k) && v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, typeof v === 'object' && v !== null && !Array.isArray(v) ? String(v) : v])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  const nodes = await graph.db.read<{ labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) WHERE ${ENTITY} RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id`,
  );
  const relationships = await graph.db.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' AND a.id IS NOT NULL AND b.id IS NOT NULL
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
  );
  return {
    nodes: nodes.map((n) => ({ labels: n.labels, ...clean(n.props) })),
    relationships: relationships.map((r) => ({ from: r.from, type: r.type, to: r.to, ...clean(r.props) })),
  };
}

test('the bulk loader gives the graph importDocument gives, slugs with their -2 suffixes included', async () => {
  const generator = new FilmGraphGenerator({ films: FILMS, seed: 11 });
  await loadGraph(graph.db, generator, () => {}, CHUNK);
  // Chunks repeat people, franchises and characters: CHUNK films a document, so importDocument matches them on id.
  const viaDocuments = await snapshot();
  await wipe(graph.db);
  const generated = new FilmGraphGenerator({ films: FILMS, seed: 11 });
  const phases = await bulkLoadGenerated(graph, generated, CHUNK, () => {});
  const viaImporter = await snapshot();

  expect(viaDocuments.nodes.length).toBeGreaterThan(FILMS * 5);
  expect(viaImporter.nodes.length).toBe(viaDocuments.nodes.length);
  expect(viaImporter.relationships.length).toBe(viaDocuments.relationships.length);
  expect(viaImporter).toEqual(viaDocuments);
  const slugs = viaImporter.nodes.map((n) => (n as { slug?: string }).slug).filter((s): s is string => typeof s === 'string');
  expect(slugs.some((s) => /-2$/.test(s))).toBe(true);
  expect(phases.nodes).toBe(viaImporter.nodes.length);

  // The load is complete: constraints hold, the full-text index answers, and the feed has the load's one IMPORT change.
  const [change] = await graph.db.read<{ operation: string; n: number }>(`MATCH (c:Change) RETURN c.operation AS operation, count(*) AS n`);
  expect(change).toEqual({ operation: 'IMPORT', n: 1 });
  const hits = await graph.db.read<{ id: string }>(`CALL db.index.fulltext.queryNodes('entity_names', 'night') YIELD node RETURN node.id AS id LIMIT 1`);
  expect(hits).toHaveLength(1);
});
