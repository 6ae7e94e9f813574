import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { FoundFile, IMDB_FILES } from './files';

/** A problem that stops reading a whole file (bad header, unreadable, broken gzip). */
export class FileError extends Error {}

/** A run of consecutive data lines; `firstLine` is the 1-based line number of lines[0]. */
export interface LineChunk {
  firstLine: number;
  lines: string[];
  /** Bytes of the file (compressed, for .gz) read so far, for progress and ETA. */
  bytesRead: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a file's data lines in chunks after checking its header. Lines come in arrays, not one
 * by one: an await per line would cost more than parsing it. Reading pauses while the consumer
 * is busy, so memory stays at a chunk or two whatever the file size.
 */
export async function* readTsv(file: FoundFile): AsyncGenerator<LineChunk> {
  const label = path.basename(file.path);
  const raw = fs.createReadStream(file.path, { highWaterMark: CHUNK_BYTES });
  const source: NodeJS.ReadableStream = file.gzip ? pipeline(raw, zlib.createGunzip({ chunkSize: CHUNK_BYTES }), () => {}) : raw;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let nextLine = 1;
  let headerChecked = false;
  try {
    for await (const chunk of source) {
      const text = rest + decoder.write(chunk as Buffer);
      const lines = text.split('\n');
      rest = lines.pop()!;
      if (lines.length === 0) continue;
      stripCarriageReturns(lines);
      if (!headerChecked) {
        checkHeader(label, file, lines.shift()!);
        headerChecked = true;
        nextLine += 1;
      }
      if (lines.length === 0) continue;
      yield { firstLine: nextLine, lines, bytesRead: raw.bytesRead };
      nextLine += lines.length;
    }
  } catch (error) {
    throw describeReadError(label, file, error, nextLine - 1);
  }
  rest += decoder.end();
  if (rest.endsWith('\r')) rest = rest.slice(0, -1);
  if (!headerChecked) {
    if (rest === '') throw new FileError(`${label} is empty: it has no header line`);
    checkHeader(label, file, rest);
    return;
  }
  // The last line may lack its newline; a blank one after the final newline is no row.
  if (rest !== '') yield { firstLine: nextLine, lines: [rest], bytesRead: raw.bytesRead };
}

function stripCarriageReturns(lines: string[]): void {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
}

function checkHeader(label: string, file: FoundFile, line: string): void {
  const expected = IMDB_FILES[file.name].join('\t');
  if (line.replace(/^\uFEFF/, '') !== expected) {
    const shown = line.length > 120 ? `${line.slice(0, 120)}…` : line;
    throw new FileError(
      `${label} does not start with IMDb's ${file.name} header: expected the columns "${IMDB_FILES[file.name].join(', ')}", found "${shown.replace(/\t/g, ', ')}"`,
    );
  }
}

function describeReadError(label: string, file: FoundFile, error: unknown, lastLine: number): Error {
  if (error instanceof FileError) return error;
  const err = error as NodeJS.ErrnoException;
  const after = lastLine > 0 ? ` after line ${lastLine}` : '';
  if (err.code === 'ENOENT') return new FileError(`${label} could not be read: it no longer exists`);
  if (err.code === 'EACCES' || err.code === 'EPERM') return new FileError(`${label} could not be read: permission denied`);
  if (err.code === 'EISDIR') return new FileError(`${label} could not be read: it is a folder`);
  if (file.gzip && (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message))) {
    return new FileError(`${label} is truncated: the gzip stream ends early${after}; download it again`);
  }
  if (file.gzip && typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return new FileError(`${label} is not a valid gzip file (${err.message})${after}`);
  }
  return new FileError(`${label} could not be read${after}: ${err.message}`);
}
