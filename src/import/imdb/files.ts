import fs from 'node:fs';
import path from 'node:path';

/** IMDb's seven dataset files with the header each must start with (https://developer.imdb.com/non-commercial-datasets/). */
export const IMDB_FILES = {
  'title.basics': ['tconst', 'titleType', 'primaryTitle', 'originalTitle', 'isAdult', 'startYear', 'endYear', 'runtimeMinutes', 'genres'],
  'title.akas': ['titleId', 'ordering', 'title', 'region', 'language', 'types', 'attributes', 'isOriginalTitle'],
  'title.crew': ['tconst', 'directors', 'writers'],
  'title.episode': ['tconst', 'parentTconst', 'seasonNumber', 'episodeNumber'],
  'title.principals': ['tconst', 'ordering', 'nconst', 'category', 'job', 'characters'],
  'title.ratings': ['tconst', 'averageRating', 'numVotes'],
  'name.basics': ['nconst', 'primaryName', 'birthYear', 'deathYear', 'primaryProfession', 'knownForTitles'],
} as const;

export type ImdbFileName = keyof typeof IMDB_FILES;
export const IMDB_FILE_NAMES = Object.keys(IMDB_FILES) as ImdbFileName[];

export interface FoundFile {
  name: ImdbFileName;
  path: string;
  gzip: boolean;
  /** Set when both the .tsv and the .tsv.gz are present: the plain file is read. */
  note?: string;
}

/** Which of the seven files DIR holds, as NAME.tsv or NAME.tsv.gz. */
export function findImdbFiles(dir: string): Map<ImdbFileName, FoundFile> {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (error) {
    throw new Error(`Cannot read the folder ${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message}`);
  }
  const present = new Set(entries);
  const found = new Map<ImdbFileName, FoundFile>();
  for (const name of IMDB_FILE_NAMES) {
    const plain = `${name}.tsv`;
    const gzipped = `${name}.tsv.gz`;
    if (present.has(plain)) {
      found.set(name, {
        name,
        path: path.join(dir, plain),
        gzip: false,
        note: present.has(gzipped) ? `${gzipped} is also present and was not read` : undefined,
      });
    } else if (present.has(gzipped)) {
      found.set(name, { name, path: path.join(dir, gzipped), gzip: true });
    }
  }
  return found;
}
