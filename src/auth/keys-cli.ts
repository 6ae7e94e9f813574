import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { parseArgs, runCommand, UsageError } from '../import/args';
import { ApiKey, ApiKeyError, ApiKeyStore, MAX_KEY_NAME_LENGTH } from './api-keys';
import { accessRoleOf } from './viewer';

const USAGE = `Usage:
  npm run keys -- create --name NAME --role editor|admin|reader
  npm run keys -- list
  npm run keys -- revoke NAME

create prints the new key's secret alone on its last line, this once only (scripts: | tail -1).
Send it as 'Authorization: Bearer <secret>'. EDITOR creates and changes; ADMIN also deletes,
merges and manages keys; READER only reads (for servers with REELGRAPH_PUBLIC_READ=false).
A name is 1 to ${MAX_KEY_NAME_LENGTH} characters and names one key, revoked ones included.
The graph is the Neo4j at NEO4J_URI, or the local one when it is unset.`;

/** npm run keys: API keys in the graph. Only the secret line goes to standard output after the command runs; the rest to standard error. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'create') {
    const args = parseArgs(rest, { values: ['name', 'role'], booleans: [] });
    if (args.positional.length > 0) throw new UsageError(`create takes no bare words (got "${args.positional.join(' ')}"); the name goes after --name`);
    const name = args.flags.get('name');
    const roleFlag = args.flags.get('role');
    if (typeof name !== 'string') throw new UsageError('create needs --name NAME');
    if (typeof roleFlag !== 'string') throw new UsageError('create needs --role editor, admin or reader');
    const role = accessRoleOf(roleFlag);
    if (!role) throw new UsageError(`--role must be editor, admin or reader; got "${roleFlag}"`);
    return withStore(async (store) => {
      const { key, secret } = await store.create(name, role);
      process.stderr.write(`Created the ${key.role} key '${key.name}'. Its secret follows, shown this once: keep it somewhere safe.\n`);
      // The secret alone on the last line of standard output: `tail -1` takes it.
      process.stdout.write(`${secret}\n`);
      return 0;
    });
  }
  if (command === 'list') {
    const args = parseArgs(rest, { values: [], booleans: [] });
    if (args.positional.length > 0) throw new UsageError('list takes no arguments');
    return withStore(async (store) => {
      console.log(formatKeys(await store.list()));
      return 0;
    });
  }
  if (command === 'revoke') {
    const args = parseArgs(rest, { values: [], booleans: [] });
    if (args.positional.length !== 1) throw new UsageError('revoke needs exactly one key name: npm run keys -- revoke NAME');
    return withStore(async (store) => {
      const key = await store.revoke(args.positional[0]);
      console.log(`Revoked the key '${key.name}' (${key.role}) at ${key.revokedAt}: it is refused from the next request on.`);
      return 0;
    });
  }
  throw new UsageError(`unknown command "${command}": expected create, list or revoke`);
}

async function withStore(work: (store: ApiKeyStore) => Promise<number>): Promise<number> {
  const connection = await connect(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    return await work(new ApiKeyStore(connection.db));
  } catch (error) {
    // The key store's own failures say what to do; the usage text would only bury that.
    if (error instanceof ApiKeyError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

/** The keys as a table: name, role, created, revoked. */
function formatKeys(keys: ApiKey[]): string {
  if (keys.length === 0) return 'No API keys yet: npm run keys -- create --name NAME --role editor';
  const rows = [['NAME', 'ROLE', 'CREATED', 'REVOKED'], ...keys.map((key) => [key.name, key.role, key.createdAt, key.revokedAt ?? '-'])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

runCommand(main, USAGE);
