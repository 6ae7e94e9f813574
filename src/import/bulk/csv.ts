import fs from 'node:fs';
import path from 'node:path';

/**
 * The offline importer's input files (neo4j-admin database import full): tab-separated, every
 * string quoted (a doubled quote inside), array elements split by U+001F. IMDb's files are
 * tab-separated themselves, so no value holds a tab; U+001F is a control character no title or
 * name holds. A file whose values hold line breaks (a film's `folded` is one line per title) is
 * named to the importer as multi-line, and only those are parsed the slow way.
 */
export const DELIMITER = '\t';
export const ARRAY_DELIMITER = '\u001f';
export const IMPORTER_OPTIONS = ['--delimiter=TAB', '--array-delimiter=U+001F', '--quote="'];

/** The importer's property types, as its header writes them (`year:long`, `alternativeTitles:string[]`). */
export type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'string[]' | 'long[]' | 'double[]';

export interface Column {
  name: string;
  type: ColumnType;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One value as the importer reads it; null, undefined and empty lists are left empty (no property). */
export function encode(value: unknown, type: ColumnType, column: string): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
    case 'date':
      return quote(String(value));
    case 'long':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${column}: ${JSON.stringify(value)} is not a number`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default: {
      if (!Array.isArray(value)) throw new Error(`${column}: ${JSON.stringify(value)} is not a list`);
      if (value.length === 0) return '';
      const items = value.map(String);
      if (items.some((item) => item.includes(ARRAY_DELIMITER))) throw new Error(`${column}: a value holds U+001F, the list separator`);
      return quote(items.join(ARRAY_DELIMITER));
    }
  }
}

/**
 * One node or relationship file: `NAME.header.tsv` (the typed header) and `NAME.tsv` (the rows),
 * appended to in batches with plain synchronous writes (the conversion is one stream anyway).
 */
export class ImportFile {
  readonly headerPath: string;
  readonly dataPath: string;
  rows = 0;
  /** Set once a value held a line break: the importer must read this file as multi-line. */
  multiline = false;
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;

  constructor(
    dir: string,
    readonly name: string,
    /** A node file's label, or a relationship file's type. */
    readonly group: string,
    readonly columns: readonly Column[],
  ) {
    this.headerPath = path.join(dir, `${name}.header.tsv`);
    this.dataPath = path.join(dir, `${name}.tsv`);
    fs.writeFileSync(this.headerPath, `${columns.map(header).join(DELIMITER)}\n`);
    this.fd = fs.openSync(this.dataPath, 'w');
  }

  /** A row's values in column order, already encoded (see `encode`). */
  writeEncoded(fields: string[]): void {
    const line = fields.join(DELIMITER);
    if (!this.multiline && (line.includes('\n') || line.includes('\r'))) this.multiline = true;
    this.buffer.push(line);
    this.buffered += line.length;
    this.rows += 1;
    if (this.buffered > 1 << 20) this.flush();
  }

  /** A row from a record keyed by column name. */
  write(record: Record<string, unknown>): void {
    this.writeEncoded(this.columns.map((c) => encode(record[c.name], c.type, `${this.name}.${c.name}`)));
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  /** The importer's argument: `--nodes=Film=films.header.tsv,films.tsv`; relationships carry their :TYPE column. */
  argument(kind: 'nodes' | 'relationships'): string {
    return kind === 'nodes' ? `--nodes=${this.group}=${this.headerPath},${this.dataPath}` : `--relationships=${this.headerPath},${this.dataPath}`;
  }
}

function header(column: Column): string {
  if (column.name.startsWith(':')) return column.name;
  if (column.name === 'id') return 'id:ID';
  return `${column.name}:${column.type}`;
}
