import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { Database } from '../db/database';
import { parseDocument } from '../ingest/document';
import { DocumentCounts, importDocument } from '../ingest/json-import';

export const SEED_FILE = path.join(PROJECT_ROOT, 'seeds', 'seed.json');

/** Loads the seed graph through the same path as any import; running it again changes nothing. */
export async function loadSeed(db: Database): Promise<DocumentCounts> {
  return importDocument(db, parseDocument(fs.readFileSync(SEED_FILE, 'utf8')), { actor: 'seed' });
}

export async function isEmpty(db: Database): Promise<boolean> {
  // Entities only: the GraphState node alone (a wiped graph's stamp) is still an empty graph.
  const [row] = await db.read<{ any: boolean }>('RETURN EXISTS { MATCH (n) WHERE n:Film OR n:Person } AS any');
  return !row.any;
}
