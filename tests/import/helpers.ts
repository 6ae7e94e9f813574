import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Database } from '../../src/db/database';
import { isEntityNode } from '../../src/model/graph';
import { ImdbImportOptions, importImdb } from '../../src/import/imdb/importer';
import { FileReport, ImportReport } from '../../src/import/report';
import { exportDocument } from '../../src/ingest/json-export';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const SAMPLE = path.resolve(__dirname, '../../../shared/data/imdb-sample');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export async function runImdb(db: Database, dir: string, options: ImdbImportOptions = {}): Promise<ImportReport> {
  return importImdb(db, dir, { batchSize: 4, ...options });
}

export function fileReport(report: ImportReport, file: string): FileReport {
  const found = report.files.find((f) => f.file === file);
  if (!found) throw new Error(`the report has no entry for ${file}`);
  return found;
}

export async function nodeCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.read<{ label: string; count: number }>(`MATCH (n) WHERE ${isEntityNode('n')} RETURN labels(n)[0] AS label, count(*) AS count`);
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
}

/** The whole graph as the native document: equal text means equal graphs, ids included. */
export async function exportText(db: Database): Promise<string> {
  const chunks: string[] = [];
  await exportDocument(db, (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join('');
}

/**
 * The document with every id replaced by its entity's label and slug, and role ids dropped, so
 * graphs built by different runs (fresh random ids) can be compared.
 */
export function withoutIds(text: string): unknown {
  const doc = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
  const names = new Map<string, string>();
  for (const section of ['genres', 'franchises', 'films', 'people', 'characters', 'reviews']) {
    for (const record of doc[section] ?? []) names.set(String(record.id), `${section}:${String(record.slug ?? record.id)}`);
  }
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    // Lists of ids (a film's genres) are ordered by id, which differs between runs.
    if (Array.isArray(value)) return value.every((v) => typeof v === 'string' && names.has(v)) ? value.map(swap).sort() : value.map(swap);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, v]) => [key, swap(v)]));
    }
    return value;
  };
  const out = swap(doc) as Record<string, unknown[]>;
  for (const section of Object.keys(out)) {
    if (Array.isArray(out[section])) out[section] = [...out[section]].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

export function tempDir(prefix = 'reelgraph-import-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of a fixture folder, optionally gzipped, to change or break without touching the original. */
export function copyFixture(name: string, options: { gzip?: boolean } = {}): string {
  const dir = tempDir();
  for (const file of fs.readdirSync(fixture(name))) {
    const data = fs.readFileSync(path.join(fixture(name), file));
    if (options.gzip) fs.writeFileSync(path.join(dir, `${file}.gz`), zlib.gzipSync(data));
    else fs.writeFileSync(path.join(dir, file), data);
  }
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
