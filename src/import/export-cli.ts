import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { exportDocument } from '../ingest/json-export';
import { UsageError, describeCounts, parseArgs, runCommand } from './args';

const USAGE = `Usage:
  npm run export -- json FILE      (FILE - writes to standard output)

Writes the whole graph as a native Reelgraph JSON document, which npm run import -- json reads back.`;

/** npm run export: the graph as a native JSON document, streamed so memory stays flat. */
async function main(argv: string[]): Promise<number> {
  const [format, ...rest] = argv;
  if (format === undefined || format === '--help' || format === '-h') {
    console.log(USAGE);
    return format === undefined ? 2 : 0;
  }
  if (format !== 'json') throw new UsageError(`unknown format "${format}": only json can be exported`);
  const args = parseArgs(rest, { values: [], booleans: [] });
  if (args.positional.length !== 1) throw new UsageError('json needs exactly one file: npm run export -- json FILE');
  const target = args.positional[0];
  const toStdout = target === '-';
  const file = toStdout ? '' : path.resolve(target);
  // Written beside the target and renamed at the end, so a failed export never leaves half a file under its name.
  const partial = `${file}.partial`;
  const out = toStdout ? process.stdout : fs.createWriteStream(partial);

  const connection = await connect(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const started = Date.now();
    const counts = await exportDocument(connection.db, async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    });
    if (!toStdout) {
      await new Promise<void>((resolve, reject) => (out as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
      fs.renameSync(partial, file);
    }
    process.stderr.write(`Exported ${connection.uri} to ${toStdout ? 'standard output' : file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${describeCounts(counts)}\n`);
    return 0;
  } catch (error) {
    if (!toStdout) {
      (out as fs.WriteStream).destroy();
      fs.rmSync(partial, { force: true });
    }
    throw error;
  } finally {
    await connection.close();
  }
}

runCommand(main, USAGE);
