import fs from 'node:fs';
import path from 'node:path';
import { Database, Tx } from '../../db/database';
import { FileReport, ImportReport, ImportStatus, round } from '../report';
import { Progress, silentProgress } from '../progress';
import { BatchPipeline } from './batches';
import { Checkpoint } from './checkpoint';
import { FoundFile, IMDB_FILES, ImdbFileName, findImdbFiles } from './files';
import {
  AlternativeTitles,
  RoleWrite,
  ensureGenres,
  forEachStoredImdbId,
  graphCounts,
  writeAlternativeTitles,
  writeFilms,
  writePeople,
  writeRatings,
  writeRoles,
} from './graph';
import { IdSet, imdbNumber } from './id-set';
import {
  PersonRow,
  RowError,
  TitleRow,
  columnCount,
  firstField,
  parseAka,
  parseCrew,
  parseEpisode,
  parsePerson,
  parsePrincipal,
  parseRating,
  parseTitle,
  splitRow,
} from './rows';
import { FileError, readTsv } from './tsv';

export const DEFAULT_TITLE_TYPES = ['movie', 'tvMovie'];
export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImdbImportOptions {
  titleTypes?: string[];
  batchSize?: number;
  /**
   * Write transactions open at once for roles, alternative titles and ratings (default 2, so the
   * database works on one batch while the next is parsed and sent). Films and people are always
   * written one batch at a time: two batches choosing slugs side by side could both take one.
   */
  concurrency?: number;
  progress?: Progress;
  /** Set `stopRequested` (Ctrl-C) to stop after the batches being written. */
  stop?: { stopRequested: boolean };
  checkpoint?: Checkpoint;
  /** Shown in the report: where the graph lives. */
  databaseLabel?: string;
  /** Per-batch transaction time limit. */
  batchTimeoutMs?: number;
}

/** The import gave up on everything after this (the database failed, or Ctrl-C). */
class Halt extends Error {
  constructor(
    readonly status: 'interrupted' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

type LineHandler = (line: string, lineNumber: number) => void;

/**
 * Loads IMDb's dataset files from a folder, in the order their links need:
 *
 *   title.basics      films of the chosen types; every title id is remembered (IdSet)
 *   title.akas        alternative titles      } need the films
 *   title.ratings     IMDb's rating           }
 *   title.episode     read and checked; episodes are not films
 *   title.principals  scan: which people the films' roles name
 *   title.crew        scan: the same for directors and writers
 *   name.basics       those people, and only those
 *   title.principals  roles
 *   title.crew        directors and writers the principals did not already give
 *
 * People come before roles, with principals read twice, rather than roles first with placeholder
 * people filled in later: a role naming someone name.basics lacks is then known when its line is
 * read, so it is skipped and reported with that line number, and no half-made person is ever
 * stored. Reading a file again costs far less than writing it. What is kept between files is a
 * handful of id bitsets whose size follows the id range, not the row count (see IdSet); rows
 * themselves only live for one batch.
 */
export async function importImdb(db: Database, dir: string, options: ImdbImportOptions = {}): Promise<ImportReport> {
  return new ImdbImport(db, dir, options).run();
}

/** The order files are read in, and listed in the report. */
const PASS_ORDER: ImdbFileName[] = [
  'title.basics',
  'title.akas',
  'title.ratings',
  'title.episode',
  'name.basics',
  'title.principals',
  'title.crew',
];

class ImdbImport {
  private readonly titleTypes: Set<string>;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly progress: Progress;
  private readonly stop: { stopRequested: boolean };
  private readonly checkpoint: Checkpoint;
  private readonly files: Map<ImdbFileName, FoundFile>;
  private readonly reports = new Map<ImdbFileName, FileReport>();

  /** Every title id of title.basics (or, without it, of the films stored). */
  private readonly titles = new IdSet();
  /** Titles that are films: imported now, or stored already when title.basics is absent. */
  private readonly films = new IdSet();
  /** People an imported role names. */
  private readonly neededPeople = new IdSet();
  /** People written from name.basics (or stored already when it is absent). */
  private readonly people = new IdSet();
  /** Ids whose row in title.basics or name.basics could not be read, to say so when a role names them. */
  private readonly malformedTitles = new IdSet();
  private readonly malformedPeople = new IdSet();
  private readonly genreIds = new Map<string, string>();
  private titlesFromGraph = false;
  private peopleFromGraph = false;

  constructor(
    private readonly db: Database,
    private readonly dir: string,
    private readonly options: ImdbImportOptions,
  ) {
    this.titleTypes = new Set(options.titleTypes ?? DEFAULT_TITLE_TYPES);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.concurrency = options.concurrency ?? 2;
    this.progress = options.progress ?? silentProgress;
    this.stop = options.stop ?? { stopRequested: false };
    this.checkpoint = options.checkpoint ?? Checkpoint.none();
    this.files = findImdbFiles(dir);
  }

  async run(): Promise<ImportReport> {
    const started = new Date();
    for (const name of PASS_ORDER) {
      const file = this.files.get(name);
      const report = new FileReport(name, file?.path ?? null);
      if (!file) report.status = 'not found';
      if (file?.note) report.notes.push(file.note);
      this.reports.set(name, report);
    }
    let halt: Halt | undefined;
    try {
      await this.titleBasics();
      await this.alternativeTitles();
      await this.ratings();
      await this.episodes();
      if (this.files.has('name.basics')) {
        await this.scanPrincipals();
        await this.scanCrew();
      }
      await this.nameBasics();
      await this.principals();
      await this.crew();
    } catch (error) {
      if (!(error instanceof Halt)) throw error;
      halt = error;
    }

    const files = [...this.reports.values()];
    let status: ImportStatus;
    if (halt) status = halt.status;
    else if (files.some((f) => f.status === 'failed')) status = 'failed';
    else status = files.some((f) => f.errorCount > 0) ? 'complete with problems' : 'complete';
    if (status === 'complete' || status === 'complete with problems') this.checkpoint.remove();
    else this.checkpoint.save();

    const finished = new Date();
    const report: ImportReport = {
      command: 'import imdb',
      source: path.resolve(this.dir),
      database: this.options.databaseLabel ?? 'the configured Neo4j',
      options: { titleTypes: [...this.titleTypes], batchSize: this.batchSize },
      status,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      elapsedSeconds: round((finished.getTime() - started.getTime()) / 1000),
      ...(this.checkpoint.resumed ? { resumed: true } : {}),
      ...(halt ? { message: halt.message } : {}),
      files,
    };
    if (!halt || halt.status === 'interrupted') {
      try {
        report.graph = await graphCounts(this.db);
      } catch {
        // The counts are a courtesy; an unreachable database is reported by the halt already.
      }
    }
    return report;
  }

  // ---- the passes ----------------------------------------------------------------------------

  private async titleBasics(): Promise<void> {
    const name = 'title.basics';
    if (!this.files.has(name)) {
      // Without title.basics, films already in the graph are the ones later files may name.
      this.titlesFromGraph = true;
      await forEachStoredImdbId(this.db, 'Film', (imdbId) => {
        const id = imdbNumber(imdbId, 'tt');
        if (id !== undefined) {
          this.titles.add(id);
          this.films.add(id);
        }
      });
      return;
    }
    const report = this.reports.get(name)!;
    await this.writePass<TitleRow, Map<string, string>>(
      name,
      report,
      (tx, films) => this.writeFilmBatch(tx, films),
      (emit) => (line, n) => {
        const row = remembering(this.malformedTitles, 'tt', line, () => parseTitle(splitRow(line, IMDB_FILES[name].length)));
        if (!this.titles.add(row.number)) throw new RowError(`${row.tconst} appears more than once; this row is ignored`);
        if (!this.titleTypes.has(row.titleType)) {
          report.skip(`titleType ${row.titleType} not chosen`);
          return;
        }
        this.films.add(row.number);
        report.imported += 1;
        emit(row, n);
      },
      (films, genres) => {
        for (const [genre, id] of genres) this.genreIds.set(genre, id);
        this.checkpoint.probe('film', films[films.length - 1].tconst);
      },
    );
  }

  /** New genres are created in the films' transaction; their ids are remembered once it commits. */
  private async writeFilmBatch(tx: Tx, films: TitleRow[]): Promise<Map<string, string>> {
    const genres = new Map(this.genreIds);
    const missing = [...new Set(films.flatMap((f) => f.genres))].filter((g) => !genres.has(g));
    if (missing.length > 0) {
      for (const [genre, id] of await ensureGenres(tx, missing)) genres.set(genre, id);
    }
    await writeFilms(tx, films, genres);
    return genres;
  }

  private async alternativeTitles(): Promise<void> {
    const name = 'title.akas';
    if (!this.files.has(name)) return;
    const report = this.reports.get(name)!;
    const seen = new IdSet();
    await this.writePass<AlternativeTitles>(name, report, (tx, films) => writeAlternativeTitles(tx, films), (emit) => {
      let group: { number: number; imdbId: string; titles: { ordering: number; title: string }[]; lastLine: number } | undefined;
      const flush = () => {
        if (!group) return;
        const titles = [...new Set(group.titles.sort((a, b) => a.ordering - b.ordering).map((t) => t.title))];
        report.detail('films given alternative titles', 1);
        emit({ imdbId: group.imdbId, titles }, group.lastLine);
        group = undefined;
      };
      return Object.assign(
        (line: string, n: number) => {
          const row = parseAka(splitRow(line, IMDB_FILES[name].length));
          if (!this.films.has(row.number)) {
            report.skip(this.unknownTitleReason(row.number));
            return;
          }
          if (group?.number !== row.number) {
            flush();
            if (!seen.add(row.number) && report.notes.length < 10) {
              report.notes.push(`line ${n}: the rows of ${row.tconst} are not together; the later ones replace the earlier ones`);
            }
            group = { number: row.number, imdbId: row.tconst, titles: [], lastLine: n };
          }
          report.imported += 1;
          group.lastLine = n;
          if (row.title !== null) group.titles.push({ ordering: row.ordering, title: row.title });
        },
        { end: flush },
      );
    });
  }

  private async ratings(): Promise<void> {
    const name = 'title.ratings';
    if (!this.files.has(name)) return;
    const report = this.reports.get(name)!;
    await this.writePass<{ imdbId: string; value: number; votes: number }>(name, report, writeRatings, (emit) => (line, n) => {
      const row = parseRating(splitRow(line, IMDB_FILES[name].length));
      if (!this.films.has(row.number)) {
        report.skip(this.unknownTitleReason(row.number));
        return;
      }
      report.imported += 1;
      emit({ imdbId: row.tconst, value: row.value, votes: row.votes }, n);
    });
  }

  private async episodes(): Promise<void> {
    const name = 'title.episode';
    if (!this.files.has(name)) return;
    const report = this.reports.get(name)!;
    await this.writePass<never>(name, report, async () => {}, () => (line) => {
      parseEpisode(splitRow(line, IMDB_FILES[name].length));
      report.skip('episode of a series (the graph holds films, not series)');
    });
  }

  /** principals, first read: the people roles on imported films name. Bad rows wait for the second read. */
  private async scanPrincipals(): Promise<void> {
    await this.scan('title.principals', (line) => {
      const tab1 = line.indexOf('\t');
      const title = imdbNumber(line.slice(0, tab1), 'tt');
      if (title === undefined || !this.films.has(title)) return;
      const tab2 = line.indexOf('\t', tab1 + 1);
      const tab3 = tab2 === -1 ? -1 : line.indexOf('\t', tab2 + 1);
      if (tab3 === -1) return;
      const person = imdbNumber(line.slice(tab2 + 1, tab3), 'nm');
      if (person !== undefined) this.neededPeople.add(person);
    });
  }

  private async scanCrew(): Promise<void> {
    await this.scan('title.crew', (line) => {
      const title = imdbNumber(firstField(line), 'tt');
      if (title === undefined || !this.films.has(title)) return;
      const fields = line.split('\t');
      for (const list of [fields[1], fields[2]]) {
        for (const nconst of list?.split(',') ?? []) {
          const person = imdbNumber(nconst, 'nm');
          if (person !== undefined) this.neededPeople.add(person);
        }
      }
    });
  }

  private async nameBasics(): Promise<void> {
    const name = 'name.basics';
    if (!this.files.has(name)) {
      this.peopleFromGraph = true;
      await forEachStoredImdbId(this.db, 'Person', (imdbId) => {
        const id = imdbNumber(imdbId, 'nm');
        if (id !== undefined) this.people.add(id);
      });
      return;
    }
    const report = this.reports.get(name)!;
    const columns = IMDB_FILES[name].length;
    await this.writePass<PersonRow>(name, report, writePeople, (emit) => (line, n) => {
      const id = imdbNumber(firstField(line), 'nm');
      if (id !== undefined && !this.neededPeople.has(id)) {
        if (columnCount(line) !== columns) splitRow(line, columns);
        report.skip('no imported role names this person');
        return;
      }
      const row = remembering(this.malformedPeople, 'nm', line, () => parsePerson(splitRow(line, columns)));
      if (!this.people.add(row.number)) throw new RowError(`${row.nconst} appears more than once; this row is ignored`);
      report.imported += 1;
      emit(row, n);
    }, (people) => this.checkpoint.probe('person', people[people.length - 1].nconst));
  }

  private async principals(): Promise<void> {
    const name = 'title.principals';
    if (!this.files.has(name)) return;
    const report = this.reports.get(name)!;
    const columns = IMDB_FILES[name].length;
    await this.writePass<RoleWrite, { created: number }>(
      name,
      report,
      (tx, roles) => writeRoles(tx, roles, { onlyNew: false }),
      (emit) => {
        // A person may be listed twice for one title under categories that map to one kind
        // (actor and actress, say); the first listing is kept. Rows come grouped by title.
        let groupTitle = -1;
        const groupKeys = new Set<string>();
        return (line, n) => {
          if (this.skipsUnchosenTitle(line, columns, report)) return;
          const row = parsePrincipal(splitRow(line, columns));
          if (!this.films.has(row.title)) throw new RowError(this.missingTitleMessage(row.tconst));
          if (!this.people.has(row.person)) throw new RowError(this.missingPersonMessage(row.nconst));
          if (row.title !== groupTitle) {
            groupTitle = row.title;
            groupKeys.clear();
          }
          const key = `${row.person}|${row.kind}`;
          if (groupKeys.has(key)) {
            report.skip('same person, film and kind as an earlier row');
            return;
          }
          groupKeys.add(key);
          report.imported += 1;
          emit(
            { film: row.tconst, person: row.nconst, kind: row.kind, job: row.job, characters: row.characters, billingOrder: row.billingOrder },
            n,
          );
        };
      },
      (roles, { created }) => {
        report.detail('roles added', created);
        report.detail('roles updated', roles.length - created);
      },
    );
  }

  private async crew(): Promise<void> {
    const name = 'title.crew';
    if (!this.files.has(name)) return;
    const report = this.reports.get(name)!;
    const columns = IMDB_FILES[name].length;
    await this.writePass<RoleWrite, { created: number }>(
      name,
      report,
      (tx, roles) => writeRoles(tx, roles, { onlyNew: true }),
      (emit) => (line, n) => {
        if (this.skipsUnchosenTitle(line, columns, report)) return;
        const row = parseCrew(splitRow(line, columns));
        if (!this.films.has(row.title)) throw new RowError(this.missingTitleMessage(row.tconst));
        const missing: string[] = [];
        const roles = new Map<string, RoleWrite>();
        for (const [kind, people] of [['DIRECTOR', row.directors], ['WRITER', row.writers]] as const) {
          for (const person of people) {
            if (!this.people.has(person.number)) missing.push(person.nconst);
            else roles.set(`${person.nconst}|${kind}`, { film: row.tconst, person: person.nconst, kind, job: null, characters: [], billingOrder: null });
          }
        }
        if (roles.size === 0 && missing.length === 0) {
          report.skip('no directors or writers listed');
          return;
        }
        for (const role of roles.values()) emit(role, n);
        if (roles.size > 0) report.imported += 1;
        if (missing.length > 0) {
          for (const nconst of new Set(missing)) report.error(n, this.missingPersonMessage(nconst, 'this credit'));
        }
      },
      (roles, { created }) => {
        report.detail('roles added', created);
        report.detail('roles already present (from title.principals or earlier)', roles.length - created);
      },
    );
  }

  // ---- machinery -----------------------------------------------------------------------------

  /**
   * Skips (and counts) a credit row of a title left out for its type. The row's shape is still
   * checked, so a malformed line is reported as one even when its title is not imported.
   */
  private skipsUnchosenTitle(line: string, columns: number, report: FileReport): boolean {
    const title = imdbNumber(firstField(line), 'tt');
    if (title === undefined || this.films.has(title) || !this.titles.has(title)) return false;
    if (columnCount(line) !== columns) splitRow(line, columns);
    report.skip('title not imported (its type was not chosen)');
    return true;
  }

  private unknownTitleReason(title: number): string {
    return this.titles.has(title) ? 'title not imported (its type was not chosen)' : `title not in ${this.titlesSource()}`;
  }

  private titlesSource(): string {
    return this.titlesFromGraph ? 'the graph (title.basics was not given)' : 'title.basics';
  }

  private peopleSource(): string {
    return this.peopleFromGraph ? 'the graph (name.basics was not given)' : 'name.basics';
  }

  private missingTitleMessage(tconst: string, what = 'the row'): string {
    const id = imdbNumber(tconst, 'tt');
    const where = id !== undefined && this.malformedTitles.has(id) ? `'s row in title.basics could not be read` : ` is not in ${this.titlesSource()}`;
    return `${tconst}${where}; ${what} is skipped`;
  }

  private missingPersonMessage(nconst: string, what = 'the row'): string {
    const id = imdbNumber(nconst, 'nm');
    const where = id !== undefined && this.malformedPeople.has(id) ? `'s row in name.basics could not be read` : ` is not in ${this.peopleSource()}`;
    return `${nconst}${where}; ${what} is skipped`;
  }

  /** A read that only fills id sets; its problems are reported by the file's writing pass. */
  private async scan(name: ImdbFileName, handle: (line: string) => void): Promise<void> {
    const file = this.files.get(name);
    if (!file) return;
    const task = this.progress.begin(`${name} (scan)`, fileSize(file));
    let rows = 0;
    try {
      for await (const chunk of readTsv(file)) {
        for (const line of chunk.lines) handle(line);
        rows += chunk.lines.length;
        task.update(rows, chunk.bytesRead);
        if (this.stop.stopRequested) throw new Halt('interrupted', 'Stopped on request (Ctrl-C); run the same command again to finish.');
      }
      task.end(null);
    } catch (error) {
      task.end(null);
      // The writing pass reports the same problem with its line; a partial scan only means fewer people.
      if (!(error instanceof FileError)) throw error;
    }
  }

  /**
   * Reads a file once, hands each line to the pass's handler (which may emit items to write) and
   * writes the items in batches. Rows already written by an interrupted earlier run are read and
   * counted again but not written again. `afterBatch` runs once a batch has committed.
   */
  private async writePass<T, R = void>(
    name: ImdbFileName,
    report: FileReport,
    write: (tx: Tx, items: T[]) => Promise<R>,
    makeHandler: (emit: (item: T, line: number) => void) => LineHandler & { end?: () => void },
    afterBatch?: (items: T[], result: R) => void,
  ): Promise<void> {
    const file = this.files.get(name)!;
    const done = this.checkpoint.completedReport(name);
    if (done && !this.feedsLaterPasses(name)) {
      const earlier = FileReport.fromJSON(done);
      earlier.status = 'done in an earlier run';
      this.reports.set(name, earlier);
      return;
    }
    const resumeAfter = done ? Number.POSITIVE_INFINITY : this.checkpoint.committedLine(name);
    if (done) report.notes.push('written by an earlier run; read again only for its ids');
    else if (resumeAfter > 0) report.resumedAfterLine = resumeAfter;

    const pipeline = new BatchPipeline<T>(
      this.batchSize,
      name === 'title.basics' || name === 'name.basics' ? 1 : this.concurrency,
      async (items) => {
        const result = await this.db.writeTx((tx) => write(tx, items), { timeoutMs: this.options.batchTimeoutMs ?? 600_000 });
        afterBatch?.(items, result);
      },
      (line) => this.checkpoint.committed(name, line),
      () => this.stop.stopRequested,
    );
    const handler = makeHandler((item, line) => {
      if (line > resumeAfter) pipeline.push(item, line);
    });
    const task = this.progress.begin(name, fileSize(file));
    const started = Date.now();
    // Errors of the database end the whole import: later files need what this one writes.
    const writing = async (work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        report.elapsedMs = Date.now() - started;
        task.end(null);
        report.status = this.stop.stopRequested ? 'interrupted' : 'failed';
        report.message = this.stop.stopRequested
          ? `Stopped on request while writing; a batch being written did not finish (${(error as Error).message})`
          : `The database failed while writing ${name}: ${(error as Error).message}`;
        throw new Halt(report.status, `${report.message}. Batches already written stay written; run the same command again to finish.`);
      }
    };

    try {
      for await (const chunk of readTsv(file)) {
        const { lines, firstLine } = chunk;
        for (let i = 0; i < lines.length && !this.stop.stopRequested; i += 1) {
          report.rowsRead += 1;
          try {
            handler(lines[i], firstLine + i);
          } catch (error) {
            if (!(error instanceof RowError)) throw error;
            report.error(firstLine + i, error.message);
          }
        }
        await writing(() => pipeline.pump());
        task.update(report.rowsRead, chunk.bytesRead);
        if (this.stop.stopRequested) break;
      }
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      // What was read before the problem is good and is written; only this file stops.
      report.status = 'failed';
      report.message = report.rowsRead > 0 ? `${error.message}. The ${report.rowsRead.toLocaleString('en-US')} rows before it were read and imported.` : error.message;
    }
    if (this.stop.stopRequested) {
      await writing(() => pipeline.abandon());
      report.elapsedMs = Date.now() - started;
      task.end(plainLine(report));
      report.status = 'interrupted';
      const through = Math.max(pipeline.committedThrough, resumeAfter);
      report.message = `Stopped on request (Ctrl-C): rows up to line ${through} are written, a later run goes on from there`;
      throw new Halt('interrupted', `Stopped on request (Ctrl-C) while writing ${name}; run the same command again to finish.`);
    }
    handler.end?.();
    await writing(() => pipeline.finish());
    report.elapsedMs = Date.now() - started;
    task.end(plainLine(report));
    if (report.status === 'imported') this.checkpoint.completed(name, report.toJSON());
  }

  /** title.basics and name.basics tell later passes which ids exist, so they are always read. */
  private feedsLaterPasses(name: ImdbFileName): boolean {
    return name === 'title.basics' || name === 'name.basics';
  }
}

/** Parses a row; when it cannot be read, remembers its id (if that much is readable) before passing the error on. */
function remembering<R>(malformed: IdSet, prefix: 'tt' | 'nm', line: string, parse: () => R): R {
  try {
    return parse();
  } catch (error) {
    const id = imdbNumber(firstField(line), prefix);
    if (id !== undefined) malformed.add(id);
    throw error;
  }
}

function fileSize(file: FoundFile): number {
  try {
    return fs.statSync(file.path).size;
  } catch {
    return 0;
  }
}

function plainLine(report: FileReport): string {
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  return (
    `${report.file}: ${report.rowsRead.toLocaleString('en-US')} rows in ${(report.elapsedMs / 1000).toFixed(1)} s ` +
    `(${report.rowsPerSecond.toLocaleString('en-US')} rows/s), ${report.imported.toLocaleString('en-US')} imported, ` +
    `${skipped.toLocaleString('en-US')} skipped, ${report.errorCount.toLocaleString('en-US')} errors` +
    (report.status === 'failed' ? ` — FAILED: ${report.message}` : '')
  );
}
