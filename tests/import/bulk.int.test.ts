import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { applySchema } from '../../src/db/schema';
import { BulkReport, LocalGraph, bulkLoadLocal } from '../../src/import/bulk/bulk-load';
import { ImportReport } from '../../src/import/report';
import { wipe } from '../support/neo4j';
import { copyFixture, fixture, removeDir, runImdb, SAMPLE, tempDir } from './helpers';

/**
 * The bulk path stops and starts the DBMS, so these tests run on a local Neo4j of their own, on a
 * temp data folder, never on the suite's shared one.
 */
jest.setTimeout(600_000);

const CLI = path.resolve(__dirname, '../../dist/import/cli.js');
const TYPES = ['movie', 'tvMovie', 'short'];
let dataDir: string;
let graph: LocalGraph;

beforeAll(async () => {
  dataDir = tempDir('reelgraph-bulk-');
  graph = new LocalGraph({ dataDir, port: 0, pageCache: '256m', log: () => {} }, 'neo4j', '');
  await graph.start();
  await applySchema(graph.db);
});
afterAll(async () => {
  await graph?.stop();
  removeDir(dataDir);
});

// imdbRun, the run that last wrote a role (what --prune keeps), differs per run like the ids.
const AUDIT = new Set(['id', 'createdAt', 'updatedAt', 'key', 'imdbRun']);

/**
 * The graph with what differs by design left out: ids (random per run) become imdbIds and slugs,
 * the audit instants differ, and an empty list is the same as none (the importer stores no empty
 * list; every read coalesces).
 */
async function snapshot(): Promise<Record<string, unknown>> {
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(props).filter(([k, v]) => !AUDIT.has(k) && !(Array.isArray(v) && v.length === 0) && v !== null).sort(([a], [b]) => a.localeCompare(b)));
  const nodes = await graph.db.read<{ label: string; count: number }>('MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label');
  const rels = await graph.db.read<{ type: string; count: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const films = await graph.db.read<{ props: Record<string, unknown>; genres: string[] }>(
    `MATCH (f:Film) RETURN properties(f) AS props, [(f)-[:IN_GENRE]->(g) | g.slug] AS genres ORDER BY f.imdbId`,
  );
  const people = await graph.db.read<{ props: Record<string, unknown> }>('MATCH (p:Person) RETURN properties(p) AS props ORDER BY p.imdbId');
  const roles = await graph.db.read<{ person: string; film: string; props: Record<string, unknown> }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
     RETURN p.imdbId AS person, f.imdbId AS film, properties(r) AS props ORDER BY film, person, r.kind`,
  );
  const genres = await graph.db.read<{ props: Record<string, unknown> }>('MATCH (g:Genre) RETURN properties(g) AS props ORDER BY g.slug');
  const changes = await graph.db.read<{ operation: string; fields: string; actor: string }>('MATCH (c:Change) RETURN c.operation AS operation, c.fields AS fields, c.actor AS actor');
  return {
    nodes,
    rels,
    films: films.map((f) => ({ ...clean(f.props), genres: [...f.genres].sort() })),
    people: people.map((p) => clean(p.props)),
    roles: roles.map((r) => ({ person: r.person, film: r.film, ...clean(r.props) })),
    genres: genres.map((g) => clean(g.props)),
    changes,
  };
}

/** A report without its timings and paths. */
function reportFacts(report: ImportReport): unknown {
  return {
    status: report.status,
    files: report.files.map((f) => {
      const { elapsedSeconds: _e, rowsPerSecond: _r, path: _p, ...facts } = f.toJSON() as Record<string, unknown>;
      return facts;
    }),
    graph: report.graph,
  };
}

async function idRules(): Promise<{ badIds: number; badKeys: number }> {
  const [row] = await graph.db.read<{ badIds: number; badKeys: number }>(
    `CALL () { MATCH (n) WHERE (n:Film OR n:Person OR n:Role OR n:Genre)
               AND NOT n.id =~ (toLower(labels(n)[0]) + '_[0-9a-f]{32}') RETURN count(n) AS badIds }
     CALL () { MATCH (p:Person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film) WHERE r.key <> p.id + '|' + f.id + '|' + r.kind
               RETURN count(r) AS badKeys }
     RETURN badIds, badKeys`,
  );
  return row;
}

describe('the bulk path gives the graph the Cypher path gives', () => {
  const cases: [string, string][] = [['the mapping fixture', fixture('mapping')]];
  if (fs.existsSync(SAMPLE)) cases.push(['the IMDb sample', SAMPLE]);

  it.each(cases)('on %s', async (_name, dir) => {
    await wipe(graph.db);
    const cypher = await runImdb(graph.db, dir, { titleTypes: TYPES });
    const expected = await snapshot();
    const cypherIds = await graph.db.read<{ id: string }>('MATCH (f:Film) RETURN f.id AS id');

    const bulk = await bulkLoadLocal(graph, dir, { titleTypes: TYPES, batchSize: 3 });
    expect(bulk.status).toBe(cypher.status);
    expect(reportFacts(bulk)).toEqual(reportFacts(cypher));
    expect(await snapshot()).toEqual(expected);
    expect(await idRules()).toEqual({ badIds: 0, badKeys: 0 });
    // Ids are new for every run: none of the Cypher run's ids is used again.
    const [{ reused }] = await graph.db.read<{ reused: number }>('MATCH (f:Film) WHERE f.id IN $ids RETURN count(f) AS reused', { ids: cypherIds.map((r) => r.id) });
    expect(reused).toBe(0);
    // People's prominence comes from one pass over the loaded store, the one the Cypher path ends
    // with: the snapshots above agree on it, and it ranks people by their films' votes.
    expect(bulk.phases.map((p) => p.phase)).toEqual(['reading and converting', 'offline import', 'stop, swap, start', 'schema and indexes', 'prominence', 'end to end']);
    const people = expected.people as { popularity?: unknown }[];
    const films = expected.films as { popularity?: unknown }[];
    expect([...people, ...films].every((entity) => typeof entity.popularity === 'number')).toBe(true);
    // The mapping fixture credits people on films with votes (the sample's few people have none).
    if (dir === fixture('mapping')) expect(people.some((person) => (person.popularity as number) > 1)).toBe(true);
    // Every index is online, the full-text one included, and answers.
    const indexes = await graph.db.read<{ state: string }>('SHOW INDEXES YIELD state RETURN state');
    expect(indexes.every((i) => i.state === 'ONLINE')).toBe(true);
  });

  it('gives -2 slugs in order of arrival, films and people alike', async () => {
    await bulkLoadLocal(graph, fixture('mapping'));
    const slugs = await graph.db.read<{ imdbId: string; slug: string }>("MATCH (f:Film) WHERE f.slug STARTS WITH 'the-return-2003' RETURN f.imdbId AS imdbId, f.slug AS slug ORDER BY imdbId");
    expect(slugs).toEqual([
      { imdbId: 'tt0000101', slug: 'the-return-2003' },
      { imdbId: 'tt0000102', slug: 'the-return-2003-2' },
    ]);
  });
});

describe('a bulk load that fails leaves the old graph answering', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    await bulkLoadLocal(graph, fixture('mapping'));
    before = await snapshot();
  });

  async function expectOldGraph(): Promise<void> {
    expect(await snapshot()).toEqual(before);
    const [{ films }] = await graph.db.read<{ films: number }>('MATCH (f:Film) RETURN count(f) AS films');
    expect(films).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dataDir, 'bulk-import'))).toBe(false);
  }

  it('when a CSV file is corrupted before the importer reads it', async () => {
    const load = bulkLoadLocal(graph, fixture('mapping'), {
      // A role linked to a person no file holds.
      afterConvert: (files) => fs.appendFileSync(files.hasRole.dataPath, '"person_missing"\t"role_missing"\tHAS_ROLE\n'),
    });
    await expect(load).rejects.toThrow(/offline import failed/);
    await expectOldGraph();
  });

  it('when the importer is killed midway', async () => {
    const load = bulkLoadLocal(graph, fixture('mapping'), { onImporterStart: (pid) => setTimeout(() => process.kill(pid, 'SIGKILL'), 1500) });
    await expect(load).rejects.toThrow(/killed by SIGKILL/);
    await expectOldGraph();
  });

  it('when the new graph breaks a constraint after the swap (the old store is put back)', async () => {
    const load = bulkLoadLocal(graph, fixture('mapping'), {
      afterConvert: (files) => {
        // A second person with the first one's slug: the import takes it, the slug constraint does not.
        const first = fs.readFileSync(files.people.dataPath, 'utf8').split('\n')[0];
        fs.appendFileSync(files.people.dataPath, `${first.replace(/^"person_[0-9a-f]+"/, '"person_00000000000000000000000000000000"').replace(/"nm\d+"/, '"nm9999999"')}\n`);
      },
    });
    // The importer took the files: it was the schema, after the swap, that refused them.
    const error = (await load.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).not.toMatch(/offline import failed/);
    await expectOldGraph();
  });

  it('when a file cannot be read: nothing is imported and the graph is left alone', async () => {
    const dir = copyFixture('mapping');
    fs.writeFileSync(path.join(dir, 'title.basics.tsv'), 'not\tthe\theader\n');
    const report: BulkReport = await bulkLoadLocal(graph, dir);
    expect(report.status).toBe('failed');
    expect(report.message).toMatch(/the graph was not changed/);
    await expectOldGraph();
    removeDir(dir);
  });
});

describe('npm run import -- imdb', () => {
  it('--emit-csv writes the importer files and prints the neo4j-admin command', () => {
    const out = tempDir('reelgraph-emit-');
    const result = spawnSync(process.execPath, [CLI, 'imdb', fixture('mapping'), '--emit-csv', out, '--report', path.join(out, 'report.json')], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`neo4j-admin database import full neo4j --overwrite-destination --delimiter=TAB --array-delimiter=U+001F`);
    expect(result.stdout).toContain(`--nodes=Film=${out}/films.header.tsv,${out}/films.tsv`);
    expect(result.stdout).toContain(`--relationships=${out}/has_role.header.tsv,${out}/has_role.tsv`);
    expect(fs.readFileSync(path.join(out, 'films.header.tsv'), 'utf8')).toMatch(/^id:ID\t.*slug:string\t.*alternativeTitles:string\[\]\t.*year:long\t/);
    expect(fs.readFileSync(path.join(out, 'has_role.header.tsv'), 'utf8')).toBe(':START_ID\t:END_ID\t:TYPE\n');
    expect(fs.readFileSync(path.join(out, 'roles.tsv'), 'utf8').trim().split('\n')).toHaveLength(21);
    expect(fs.existsSync(path.join(out, 'import-command.sh'))).toBe(true);
    removeDir(out);
  });

  it('--initial over a graph that holds data asks for --yes and changes nothing', async () => {
    const before = await snapshot();
    const result = spawnSync(process.execPath, [CLI, 'imdb', fixture('mapping'), '--initial'], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: '', REELGRAPH_DATA_DIR: dataDir },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--initial would replace the local graph, which holds \d+ nodes .*add --yes/);
    expect(await snapshot()).toEqual(before);
  });
});
