import { isCast, RoleKindName } from '../../model/roles';
import { imdbNumber } from './id-set';

/** A row that cannot be used; the message says which column and why, the caller adds file and line. */
export class RowError extends Error {}

const NULL = '\\N';

export function splitRow(line: string, columns: number): string[] {
  const fields = line.split('\t');
  if (fields.length !== columns) {
    throw new RowError(`expected ${columns} tab-separated columns, found ${fields.length}`);
  }
  return fields;
}

/** Tabs + 1, without splitting: rows the importer skips are only checked for their shape. */
export function columnCount(line: string): number {
  let count = 1;
  for (let at = line.indexOf('\t'); at !== -1; at = line.indexOf('\t', at + 1)) count += 1;
  return count;
}

/** The first column, which is the title or name id in every IMDb file. */
export function firstField(line: string): string {
  const tab = line.indexOf('\t');
  return tab === -1 ? line : line.slice(0, tab);
}

function text(value: string): string | null {
  return value === NULL || value === '' ? null : value;
}

function whole(value: string, column: string): number | null {
  if (value === NULL) return null;
  if (!/^\d{1,9}$/.test(value)) throw new RowError(`${column}: "${value}" is not a whole number`);
  return Number(value);
}

function decimal(value: string, column: string): number {
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(value)) throw new RowError(`${column}: "${value}" is not a number`);
  return Number(value);
}

function list(value: string): string[] {
  return value === NULL || value === '' ? [] : value.split(',').filter((item) => item !== '');
}

export function titleId(value: string, column: string): number {
  const id = imdbNumber(value, 'tt');
  if (id === undefined) throw new RowError(`${column}: "${value}" is not an IMDb title id (tt…)`);
  return id;
}

export function nameId(value: string, column: string): number {
  const id = imdbNumber(value, 'nm');
  if (id === undefined) throw new RowError(`${column}: "${value}" is not an IMDb name id (nm…)`);
  return id;
}

export interface TitleRow {
  tconst: string;
  number: number;
  titleType: string;
  title: string;
  originalTitle: string | null;
  year: number | null;
  runtimeMinutes: number | null;
  genres: string[];
}

export function parseTitle(f: string[]): TitleRow {
  const number = titleId(f[0], 'tconst');
  const title = text(f[2]);
  if (title === null) throw new RowError('primaryTitle is empty');
  if (f[4] !== '0' && f[4] !== '1' && f[4] !== NULL) throw new RowError(`isAdult: "${f[4]}" is not 0 or 1`);
  whole(f[6], 'endYear');
  return {
    tconst: f[0],
    number,
    titleType: f[1],
    title,
    originalTitle: text(f[3]),
    year: whole(f[5], 'startYear'),
    runtimeMinutes: whole(f[7], 'runtimeMinutes'),
    genres: list(f[8]),
  };
}

export interface AkaRow {
  tconst: string;
  number: number;
  ordering: number;
  title: string | null;
  region: string | null;
  language: string | null;
  /** IMDb's aka types: imdbDisplay, original, working, alternative, festival… */
  types: string[];
}

export function parseAka(f: string[]): AkaRow {
  const ordering = whole(f[1], 'ordering');
  if (ordering === null) throw new RowError('ordering is missing');
  if (f[7] !== '0' && f[7] !== '1' && f[7] !== NULL) throw new RowError(`isOriginalTitle: "${f[7]}" is not 0 or 1`);
  return {
    tconst: f[0],
    number: titleId(f[0], 'titleId'),
    ordering,
    title: text(f[2]),
    region: text(f[3]),
    language: text(f[4]),
    // An array column: IMDb separates its items with \x02 (a comma is accepted too).
    types: f[5] === NULL || f[5] === '' ? [] : f[5].split(/[\x02,]/).filter((item) => item !== ''),
  };
}

export interface RatingRow {
  tconst: string;
  number: number;
  value: number;
  votes: number;
}

export function parseRating(f: string[]): RatingRow {
  const number = titleId(f[0], 'tconst');
  const value = decimal(f[1], 'averageRating');
  if (value > 10) throw new RowError(`averageRating: ${value} is above 10`);
  const votes = whole(f[2], 'numVotes');
  if (votes === null) throw new RowError('numVotes is missing');
  return { tconst: f[0], number, value, votes };
}

export function parseEpisode(f: string[]): void {
  titleId(f[0], 'tconst');
  titleId(f[1], 'parentTconst');
  whole(f[2], 'seasonNumber');
  whole(f[3], 'episodeNumber');
}

export interface PersonRow {
  nconst: string;
  number: number;
  name: string;
  birthYear: number | null;
  deathYear: number | null;
  professions: string[];
}

export function parsePerson(f: string[]): PersonRow {
  const number = nameId(f[0], 'nconst');
  const name = text(f[1]);
  if (name === null) throw new RowError('primaryName is empty');
  return {
    nconst: f[0],
    number,
    name,
    birthYear: whole(f[2], 'birthYear'),
    deathYear: whole(f[3], 'deathYear'),
    professions: list(f[4]),
  };
}

/** The contract's mapping of IMDb categories; anything else is CREW with the category as job. */
const CATEGORY_KINDS: Record<string, RoleKindName> = {
  actor: 'ACTOR',
  actress: 'ACTOR',
  self: 'SELF',
  director: 'DIRECTOR',
  writer: 'WRITER',
  producer: 'PRODUCER',
  composer: 'COMPOSER',
  cinematographer: 'CINEMATOGRAPHER',
  editor: 'EDITOR',
  production_designer: 'PRODUCTION_DESIGNER',
  casting_director: 'CASTING_DIRECTOR',
};

export interface PrincipalRow {
  tconst: string;
  title: number;
  nconst: string;
  person: number;
  kind: RoleKindName;
  job: string | null;
  characters: string[];
  billingOrder: number | null;
}

export function parsePrincipal(f: string[]): PrincipalRow {
  const title = titleId(f[0], 'tconst');
  const ordering = whole(f[1], 'ordering');
  const person = nameId(f[2], 'nconst');
  const category = text(f[3]);
  if (category === null) throw new RowError('category is empty');
  const kind = CATEGORY_KINDS[category] ?? 'CREW';
  const job = text(f[4]) ?? (kind === 'CREW' ? category : null);
  return {
    tconst: f[0],
    title,
    nconst: f[2],
    person,
    kind,
    job,
    characters: parseCharacters(f[5]),
    billingOrder: isCast(kind) ? ordering : null,
  };
}

/** IMDb writes characters as a JSON array of strings: ["Herself"]. */
export function parseCharacters(value: string): string[] {
  if (value === NULL || value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new RowError(`characters: ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} is not a JSON array`);
  }
  if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
    throw new RowError(`characters: ${JSON.stringify(value)} is not a JSON array of strings`);
  }
  return parsed as string[];
}

export interface CrewRow {
  tconst: string;
  title: number;
  directors: { nconst: string; number: number }[];
  writers: { nconst: string; number: number }[];
}

export function parseCrew(f: string[]): CrewRow {
  const people = (value: string, column: string) => list(value).map((nconst) => ({ nconst, number: nameId(nconst, column) }));
  return { tconst: f[0], title: titleId(f[0], 'tconst'), directors: people(f[1], 'directors'), writers: people(f[2], 'writers') };
}
