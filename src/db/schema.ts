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

/** Schema changes cannot share a transaction with each other, so each runs on its own. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of schemaStatements()) {
    await db.schemaWrite(statement);
  }
  await db.schemaWrite('CALL db.awaitIndexes(300)');
}
