import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { IMDB_FILES, ImdbFileName } from '../../../src/import/imdb/files';
import { pick, randomFrom } from '../random';

/**
 * A synthetic IMDb dump for the import benchmark, the same every run (seeded generator). It has
 * IMDb's shape where it matters to the importer: files sorted by id, a mix of title types of which
 * most are films, a few people credited very often and most rarely (credits fall off like a power
 * law), repeated names and titles (for -2 slugs), names nobody is credited as, and crew lists that
 * mostly repeat the principals' directors and writers.
 */
export interface DatasetSize {
  titles: number;
  names: number;
  /** Roughly: principals per title vary around principals / titles. */
  principals: number;
}

export const BENCH_SIZE: DatasetSize = { titles: 200_000, names: 500_000, principals: 2_000_000 };

const TITLE_TYPES: [string, number][] = [
  ['movie', 0.7],
  ['tvMovie', 0.08],
  ['short', 0.1],
  ['tvEpisode', 0.08],
  ['tvSeries', 0.04],
];
const CATEGORIES: [string, number][] = [
  ['actor', 0.34],
  ['actress', 0.24],
  ['self', 0.05],
  ['director', 0.08],
  ['writer', 0.09],
  ['producer', 0.08],
  ['composer', 0.03],
  ['cinematographer', 0.03],
  ['editor', 0.03],
  ['production_designer', 0.01],
  ['casting_director', 0.01],
  ['archive_footage', 0.01],
];
const GENRES = ['Drama', 'Comedy', 'Action', 'Thriller', 'Romance', 'Crime', 'Horror', 'Documentary', 'Adventure', 'Sci-Fi', 'Family', 'Fantasy', 'Mystery', 'Biography', 'History', 'Music', 'War', 'Western', 'Animation', 'Sport'];
const WORDS = ['Night', 'Return', 'Shadow', 'Love', 'City', 'Last', 'River', 'King', 'Dark', 'Summer', 'Blood', 'Secret', 'House', 'Road', 'Girl', 'Man', 'Dream', 'War', 'Fire', 'Stone', 'Star', 'Winter', 'Heart', 'Storm', 'Ghost', 'Island', 'Silent', 'Golden', 'Broken', 'Wild'];
const FIRST = ['John', 'Mary', 'David', 'Anna', 'Michael', 'Maria', 'James', 'Laura', 'Peter', 'Sofia', 'Ivan', 'Yuki', 'Ahmed', 'Chloé', 'José', 'Zoë', 'Lars', 'Priya', 'Chen', 'Amélie', 'Olga', 'Kwame', 'Lucía', 'Björn', 'Aiko', 'Omar', 'Elena', 'Tomás', 'Nina', 'Raj'];
const LAST = ['Smith', 'Johnson', 'García', 'Müller', 'Rossi', 'Kim', 'Nguyen', 'Ivanov', 'Tanaka', 'Dubois', 'Silva', 'Khan', 'Novak', 'Larsen', 'Okafor', 'Kowalski', 'Haddad', 'Singh', 'Wang', 'Costa', 'Andersson', 'Petrov', 'Moreau', 'Schmidt', 'Yilmaz', 'Fernández', 'Hughes', 'Berg', 'Sato', 'Quinn'];
const SYLLABLES = ['ka', 'ro', 'mi', 'len', 'dor', 'sa', 'vi', 'tan', 'bel', 'mo', 'ri', 'na', 'gar', 'lo', 'pe', 'zu', 'han', 'te', 'shi', 'ver'];
const PROFESSIONS = ['actor', 'actress', 'director', 'writer', 'producer', 'composer', 'cinematographer', 'editor', 'soundtrack', 'miscellaneous'];
const NULL = '\\N';

function weighted(random: () => number, table: [string, number][]): string {
  let u = random();
  for (const [value, weight] of table) {
    if ((u -= weight) < 0) return value;
  }
  return table[table.length - 1][0];
}

/** Mostly made-up surnames, a few very common ones: repeated names, but not absurdly often. */
function surname(random: () => number): string {
  if (random() < 0.15) return pick(random, LAST);
  const syllables = 2 + Math.floor(random() * 2);
  const text = Array.from({ length: syllables }, () => pick(random, SYLLABLES)).join('');
  return text[0].toUpperCase() + text.slice(1);
}

const tconst = (n: number) => `tt${String(n).padStart(7, '0')}`;
const nconst = (n: number) => `nm${String(n).padStart(7, '0')}`;

/** Buffers lines and writes them through gzip (or not), waiting when the stream is full. */
class TsvWriter {
  private readonly out: NodeJS.WritableStream;
  private readonly file: fs.WriteStream;
  private buffer: string[] = [];
  private size = 0;

  constructor(dir: string, name: ImdbFileName, gzip: boolean) {
    this.file = fs.createWriteStream(path.join(dir, `${name}.tsv${gzip ? '.gz' : ''}`));
    if (gzip) {
      const zip = zlib.createGzip({ level: 1 });
      zip.pipe(this.file);
      this.out = zip;
    } else {
      this.out = this.file;
    }
    this.buffer.push(IMDB_FILES[name].join('\t'));
  }

  async row(fields: (string | number)[]): Promise<void> {
    const line = fields.join('\t');
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.file, 'close');
  }
}

export interface DatasetStats {
  titles: number;
  films: number;
  names: number;
  principals: number;
  crew: number;
  akas: number;
  ratings: number;
  episodes: number;
}

/** Writes the seven files into `dir`; titles are generated one at a time, so memory stays small. */
export async function writeDataset(dir: string, size: DatasetSize = BENCH_SIZE, options: { gzip?: boolean; seed?: number } = {}): Promise<DatasetStats> {
  fs.mkdirSync(dir, { recursive: true });
  const gzip = options.gzip ?? true;
  const random = randomFrom(options.seed ?? 20240601);
  const stats: DatasetStats = { titles: size.titles, films: 0, names: size.names, principals: 0, crew: 0, akas: 0, ratings: 0, episodes: 0 };
  const basics = new TsvWriter(dir, 'title.basics', gzip);
  const akas = new TsvWriter(dir, 'title.akas', gzip);
  const ratings = new TsvWriter(dir, 'title.ratings', gzip);
  const episodes = new TsvWriter(dir, 'title.episode', gzip);
  const principals = new TsvWriter(dir, 'title.principals', gzip);
  const crew = new TsvWriter(dir, 'title.crew', gzip);
  const perTitle = size.principals / size.titles;
  // A person's number is names * u^2: person 1 gets about 0.1% of all credits, the median person one or two.
  const person = () => 1 + Math.floor(size.names * random() * random());
  let lastSeries = 0;

  for (let t = 1; t <= size.titles; t += 1) {
    const id = tconst(t);
    const type = weighted(random, TITLE_TYPES);
    if (type === 'movie' || type === 'tvMovie') stats.films += 1;
    if (type === 'tvSeries') lastSeries = t;
    const words = random() < 0.15 ? 1 : 2 + Math.floor(random() * 3);
    const title = Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
    const year = 1920 + Math.floor(random() * 105);
    const runtime = type === 'short' ? 5 + Math.floor(random() * 25) : 70 + Math.floor(random() * 80);
    const genres = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, GENRES)))].join(',');
    const original = random() < 0.2 ? `${title} (${pick(random, ['Le', 'Der', 'El', 'Il'])})` : title;
    await basics.row([id, type, title, original, 0, year, NULL, random() < 0.05 ? NULL : runtime, genres]);

    const akaCount = Math.floor(random() * 5);
    for (let a = 1; a <= akaCount; a += 1) {
      const aka = a === 1 ? title : `${pick(random, WORDS)} ${title}`;
      await akas.row([id, a, aka, pick(random, ['US', 'FR', 'DE', 'JP', 'BR', NULL]), NULL, NULL, NULL, a === 1 ? 1 : 0]);
      stats.akas += 1;
    }
    if (random() < 0.7) {
      await ratings.row([id, (1 + random() * 9).toFixed(1), 5 + Math.floor(random() * random() * 200_000)]);
      stats.ratings += 1;
    }
    if (type === 'tvEpisode' && lastSeries > 0) {
      await episodes.row([id, tconst(lastSeries), 1 + Math.floor(random() * 8), 1 + Math.floor(random() * 20)]);
      stats.episodes += 1;
    }

    const count = Math.max(1, Math.round(perTitle * (0.3 + random() * 1.4)));
    const directors: number[] = [];
    const writers: number[] = [];
    for (let o = 1; o <= count; o += 1) {
      const who = person();
      const category = weighted(random, CATEGORIES);
      if (category === 'director') directors.push(who);
      if (category === 'writer') writers.push(who);
      const cast = category === 'actor' || category === 'actress' || category === 'self';
      const characters = cast ? (random() < 0.1 ? NULL : JSON.stringify(random() < 0.1 ? [pick(random, FIRST), pick(random, FIRST)] : [`${pick(random, FIRST)} ${pick(random, LAST)}`])) : NULL;
      const job = category === 'producer' ? pick(random, ['producer', 'executive producer']) : category === 'writer' && random() < 0.5 ? 'screenplay' : NULL;
      await principals.row([id, o, nconst(who), category, job, characters]);
      stats.principals += 1;
    }
    if (random() < 0.15) directors.push(person());
    if (random() < 0.2) writers.push(person());
    await crew.row([id, directors.length ? directors.map(nconst).join(',') : NULL, writers.length ? writers.map(nconst).join(',') : NULL]);
    stats.crew += 1;
  }

  const names = new TsvWriter(dir, 'name.basics', gzip);
  for (let n = 1; n <= size.names; n += 1) {
    const birth = 1900 + Math.floor(random() * 105);
    const death = random() < 0.2 ? birth + 30 + Math.floor(random() * 60) : NULL;
    const professions = [...new Set([pick(random, PROFESSIONS), pick(random, PROFESSIONS)])].join(',');
    await names.row([nconst(n), `${pick(random, FIRST)} ${surname(random)}`, random() < 0.3 ? NULL : birth, death, professions, NULL]);
  }
  await Promise.all([basics, akas, ratings, episodes, principals, crew, names].map((writer) => writer.close()));
  return stats;
}
