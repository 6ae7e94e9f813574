import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { TestApi } from '../support/api';
import { GRAPHQL_RESPONSE, JSON_TYPE, post } from '../http/support';

export { GRAPHQL_RESPONSE, JSON_TYPE, post };

const run = promisify(execFile);
const KEYS_CLI = path.join(PROJECT_ROOT, 'dist', 'auth', 'keys-cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built keys CLI (npm run build first) on the suite's Neo4j, as a user runs it. */
export async function keysCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [KEYS_CLI, ...args], { cwd: PROJECT_ROOT, env: cliEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The environment a CLI gets: the suite's Neo4j as NEO4J_URI. */
export function cliEnv(): NodeJS.ProcessEnv {
  const uri = process.env.REELGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('REELGRAPH_TEST_NEO4J_URI is not set: run the tests with npm test');
  return { ...process.env, NEO4J_URI: uri };
}

/** The last line of a command's output, as `tail -1` reads it. */
export function lastLine(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines[lines.length - 1];
}

/** A key made through the CLI: its secret. */
export async function createKey(name: string, role: string): Promise<string> {
  const result = await keysCli('create', '--name', name, '--role', role);
  if (result.code !== 0) throw new Error(`keys create failed: ${result.stderr}`);
  return lastLine(result.stdout);
}

export async function deleteKeys(db: Database): Promise<void> {
  await db.write('MATCH (k:ApiKey) DETACH DELETE k');
}

/** A GraphQL POST with `Authorization: Bearer <credential>` (none when undefined). */
export function asViewer(api: TestApi, query: string, credential?: string, accept = GRAPHQL_RESPONSE) {
  return post(api, { query }, accept, credential === undefined ? {} : { authorization: `Bearer ${credential}` });
}
