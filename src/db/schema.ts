import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { Database } from './database';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The statements of schema/*.cypher, in file-name order; each is idempotent (IF NOT EXISTS). */
export function schemaStatements(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .flatMap((name) =>
      fs
        .readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean),
    );
}

/**
 * The full-text indexes whose stored definition lists other properties than its statement does:
 * `IF NOT EXISTS` would keep such an index as it was, so they are dropped and built again. A
 * graph with no such index is not touched.
 */
export async function dropChangedFulltextIndexes(db: Database, statements: readonly string[] = schemaStatements()): Promise<string[]> {
  const wanted = new Map<string, string[]>();
  for (const statement of statements) {
    const match = /^CREATE\s+FULLTEXT\s+INDEX\s+(\w+)[\s\S]*?ON\s+EACH\s+\[([^\]]*)\]/i.exec(statement);
    if (match) wanted.set(match[1], match[2].split(',').map((property) => property.trim().replace(/^\w+\./, '')));
  }
  if (wanted.size === 0) return [];
  const existing = await db.read<{ name: string; properties: string[] }>(
    'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name IN $names RETURN name, properties',
    { names: [...wanted.keys()] },
  );
  const changed = existing.filter(({ name, properties }) => [...properties].sort().join() !== [...(wanted.get(name) ?? [])].sort().join()).map(({ name }) => name);
  // Index names come from our own schema files, never from input.
  for (const name of changed) await db.schemaWrite(`DROP INDEX ${name} IF EXISTS`);
  return changed;
}

/** Schema changes cannot share a transaction with each other, so each runs on its own. */
export async function applySchema(db: Database): Promise<void> {
  await dropChangedFulltextIndexes(db);
  for (const statement of schemaStatements()) {
    await db.schemaWrite(statement);
  }
  await db.schemaWrite('CALL db.awaitIndexes(300)');
}
