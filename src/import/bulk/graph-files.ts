import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { AlternativeTitleValues, storedFilm } from '../../model/film';
import { Label } from '../../model/graph';
import { newId } from '../../model/ids';
import { storedName } from '../../model/named';
import { storedPerson } from '../../model/person';
import { roleKey } from '../../model/role';
import { filmSlugBase, nameSlugBase, nextFreeSlug } from '../../model/slug';
import { Authorship } from '../../writes/change-log';
import { created } from '../../writes/versions';
import { AlternativeTitles, mergeRoleRows, RoleWrite } from '../imdb/graph';
import { ImdbFileName } from '../imdb/files';
import { IdSet, imdbNumber } from '../imdb/id-set';
import { BatchSink } from '../imdb/pass-runner';
import { PersonRow, TitleRow } from '../imdb/rows';
import { ProgressTask } from '../progress';
import { Column, ColumnType, ImportFile } from './csv';

/**
 * The bulk path's writer: what the IMDb passes emit (the same TitleRow, PersonRow, RoleWrite… the
 * Cypher path writes in src/import/imdb/graph.ts) turned into the offline importer's files, by the
 * same model rules (storedFilm, storedPerson, roleKey, slugs in order of arrival, created(by)).
 *
 * The graph it describes is the one the Cypher path builds into an empty database:
 *  - slugs: every slug given so far is remembered, so nextFreeSlug picks -2, -3 in row order
 *    exactly as takenSlugs would find them stored (an empty graph has no redirects);
 *  - a film's alternative titles and IMDb rating come from later files, so films are held back
 *    (spilled to a file, in row order) and written last, with what title.akas and title.ratings
 *    gave them: storedFilm then makes every derived property (folded, alternativeTitlesText…);
 *  - roles: title.principals gives each role once (its pass keeps one row per person, film and
 *    kind within a title's rows); title.crew adds only directors and writers not already given.
 *
 * Ids: `<label>_<random>` like newId's, from a random token per run and label and the IMDb number
 * (films, people) or a counter (roles), masked, so a role names its film and person without a
 * lookup table of millions of ids. They are as opaque as newId's and never repeat across runs.
 */
export class GraphFiles {
  readonly films: ImportFile;
  readonly people: ImportFile;
  readonly roles: ImportFile;
  readonly genres: ImportFile;
  readonly hasRole: ImportFile;
  readonly onFilm: ImportFile;
  readonly inGenre: ImportFile;

  private readonly ids = { Film: new RunIds('Film'), Person: new RunIds('Person'), Role: new RunIds('Role') };
  private readonly filmSlugs = new Set<string>();
  private readonly personSlugs = new Set<string>();
  /** Genres by slug (a genre is the one with its slug), and their ids by IMDb name. */
  private readonly genresBySlug = new Map<string, { id: string; name: string }>();
  private readonly genreIds = new Map<string, string>();
  private readonly akas = new Map<number, AlternativeTitleValues[]>();
  private readonly ratings = new Map<number, { value: number; votes: number }>();
  /** Directors and writers already given a role, by film: person number * 2 (+ 1 for WRITER). */
  private readonly crewRoles = new Map<number, number[]>();
  /** Titles whose principals rows have ended: one seen again would need a role changed after it was written. */
  private readonly closedTitles = new IdSet();
  private openTitle = -1;
  /** The open title's principal roles, by person and kind, until the next title begins. */
  private readonly titleRoles = new Map<string, RoleWrite>();
  private readonly runId = randomUUID();
  private readonly pendingFilms: number;
  private readonly pendingPath: string;

  constructor(readonly dir: string, private readonly by: Authorship) {
    fs.mkdirSync(dir, { recursive: true });
    this.films = new ImportFile(dir, 'films', 'Film', [{ name: 'id', type: 'string' }, ...propertyColumns('Film', FILM_TYPES, Object.keys(storedFilm({ slug: '', title: '' })))]);
    this.people = new ImportFile(dir, 'people', 'Person', [{ name: 'id', type: 'string' }, ...propertyColumns('Person', PERSON_TYPES, Object.keys(storedPerson({ slug: '', name: '' })))]);
    this.roles = new ImportFile(dir, 'roles', 'Role', [
      { name: 'id', type: 'string' },
      { name: 'key', type: 'string' },
      // The first of the jobs, as model/role.ts stores it.
      { name: 'job', type: 'string' },
      // The run that wrote it, as the Cypher path stamps it (what a later --prune keeps).
      { name: 'imdbRun', type: 'string' },
      ...Object.entries(ROLE_TYPES).map(([name, type]) => ({ name, type })),
      { name: 'credited', type: 'boolean' },
      ...AUDIT_COLUMNS,
    ]);
    this.genres = new ImportFile(dir, 'genres', 'Genre', [{ name: 'id', type: 'string' }, ...['slug', 'name', 'folded'].map((name) => ({ name, type: 'string' as const }))]);
    const link: Column[] = [{ name: ':START_ID', type: 'string' }, { name: ':END_ID', type: 'string' }, { name: ':TYPE', type: 'string' }];
    this.hasRole = new ImportFile(dir, 'has_role', 'HAS_ROLE', link);
    this.onFilm = new ImportFile(dir, 'on_film', 'ON_FILM', link);
    this.inGenre = new ImportFile(dir, 'in_genre', 'IN_GENRE', link);
    this.pendingPath = path.join(dir, 'films.pending.jsonl');
    this.pendingFilms = fs.openSync(this.pendingPath, 'w');
  }

  get nodeFiles(): ImportFile[] {
    return [this.films, this.people, this.roles, this.genres];
  }

  get relationshipFiles(): ImportFile[] {
    return [this.hasRole, this.onFilm, this.inGenre];
  }

  /** What a pass's batch becomes, answering what the pass's Cypher write would have. */
  readonly sink: BatchSink = async (file: ImdbFileName, items: unknown[]) => {
    switch (file) {
      case 'title.basics':
        return this.addFilms(items as TitleRow[]);
      case 'title.akas':
        for (const film of items as AlternativeTitles[]) this.akas.set(imdbNumber(film.imdbId, 'tt')!, film.akas);
        return undefined;
      case 'title.ratings':
        for (const rating of items as { imdbId: string; value: number; votes: number }[]) {
          this.ratings.set(imdbNumber(rating.imdbId, 'tt')!, { value: rating.value, votes: rating.votes });
        }
        return undefined;
      case 'name.basics':
        this.addPeople(items as PersonRow[]);
        return undefined;
      case 'title.principals':
        return this.addRoles(items as RoleWrite[], false);
      case 'title.crew':
        return this.addRoles(items as RoleWrite[], true);
      default:
        return undefined;
    }
  };

  private addFilms(films: TitleRow[]): Map<string, string> {
    const lines: string[] = [];
    for (const film of films) {
      const slug = nextFreeSlug(filmSlugBase(film.title, film.year), this.filmSlugs);
      this.filmSlugs.add(slug);
      const id = this.ids.Film.of(film.number);
      const genres = film.genres.map((name) => this.genre(name));
      for (const genre of genres) this.inGenre.writeEncoded([quoted(id), quoted(genre), 'IN_GENRE']);
      lines.push(JSON.stringify([film.number, id, slug, film.tconst, film.title, film.originalTitle, film.year, film.runtimeMinutes]));
    }
    if (lines.length > 0) fs.writeSync(this.pendingFilms, `${lines.join('\n')}\n`);
    return new Map(this.genreIds);
  }

  /** ensureGenres' rule: a new name whose slug is taken is the genre already holding it. */
  private genre(name: string): string {
    const known = this.genreIds.get(name);
    if (known) return known;
    const slug = nameSlugBase(name, 'genre');
    let genre = this.genresBySlug.get(slug);
    if (!genre) {
      genre = { id: newId('Genre'), name };
      this.genresBySlug.set(slug, genre);
      this.genres.write({ id: genre.id, ...storedName(slug, name) });
    }
    this.genreIds.set(name, genre.id);
    return genre.id;
  }

  private addPeople(people: PersonRow[]): void {
    const audit = created(this.by);
    for (const person of people) {
      const slug = nextFreeSlug(nameSlugBase(person.name, 'person'), this.personSlugs);
      this.personSlugs.add(slug);
      this.people.write({
        id: this.ids.Person.of(person.number),
        ...storedPerson({ slug, name: person.name, birthYear: person.birthYear, deathYear: person.deathYear, professions: person.professions, imdbId: person.nconst }),
        ...audit,
      });
    }
  }

  /**
   * Roles as the Cypher path's writeRoles stores them. A title's principal rows are held until the
   * next title begins, so that rows of one person and kind on it (an actor at orderings 2 and 6,
   * two producer jobs), in one batch or two, become one role (mergeRoleRows), as they do there.
   */
  private addRoles(roles: RoleWrite[], onlyNew: boolean): { created: number; merged: number; updated: number } {
    if (onlyNew) this.flushTitle();
    let added = 0;
    let merged = 0;
    // title.crew's directors and writers already given by title.principals: the Cypher path keeps those.
    let kept = 0;
    for (const role of roles) {
      const film = imdbNumber(role.film, 'tt')!;
      const person = imdbNumber(role.person, 'nm')!;
      if (!onlyNew && film !== this.openTitle) {
        if (this.closedTitles.has(film)) {
          throw new Error(
            `title.principals lists ${role.film} again after other titles' rows; the bulk path needs each title's rows together, ` +
              'as IMDb ships them (sort the file by tconst, or import with --cypher)',
          );
        }
        this.flushTitle();
        if (this.openTitle !== -1) this.closedTitles.add(this.openTitle);
        this.openTitle = film;
      }
      if (role.kind === 'DIRECTOR' || role.kind === 'WRITER') {
        const mark = person * 2 + (role.kind === 'WRITER' ? 1 : 0);
        const given = this.crewRoles.get(film);
        if (onlyNew && given?.includes(mark)) {
          kept += 1;
          continue;
        }
        if (!given?.includes(mark)) {
          if (given) given.push(mark);
          else this.crewRoles.set(film, [mark]);
        }
      }
      if (onlyNew) {
        this.writeRole(role);
        added += 1;
        continue;
      }
      const key = `${role.person}|${role.kind}`;
      const held = this.titleRoles.get(key);
      if (held) merged += 1;
      else added += 1;
      this.titleRoles.set(key, held ? mergeRoleRows(held, role) : role);
    }
    return { created: added, merged, updated: kept };
  }

  /** Writes the roles held for the open title. */
  private flushTitle(): void {
    for (const role of this.titleRoles.values()) this.writeRole(role);
    this.titleRoles.clear();
  }

  private writeRole(role: RoleWrite): void {
    const filmId = this.ids.Film.of(imdbNumber(role.film, 'tt')!);
    const personId = this.ids.Person.of(imdbNumber(role.person, 'nm')!);
    const id = this.ids.Role.next();
    const { film: _film, person: _person, ...values } = role;
    this.roles.write({ id, key: roleKey(personId, filmId, role.kind), job: role.jobs[0] ?? null, ...values, credited: true, imdbRun: this.runId, ...created(this.by) });
    this.hasRole.writeEncoded([quoted(personId), quoted(id), 'HAS_ROLE']);
    this.onFilm.writeEncoded([quoted(id), quoted(filmId), 'ON_FILM']);
  }

  /** Writes the films held back, now that their alternative titles and ratings are known, and closes every file. */
  async finish(task?: ProgressTask): Promise<void> {
    this.flushTitle();
    fs.closeSync(this.pendingFilms);
    const audit = created(this.by);
    const lines = readline.createInterface({ input: fs.createReadStream(this.pendingPath), crlfDelay: Infinity });
    let count = 0;
    for await (const line of lines) {
      if (line === '') continue;
      const [number, id, slug, imdbId, title, originalTitle, year, runtimeMinutes] = JSON.parse(line) as [number, string, string, string, string, string | null, number | null, number | null];
      const rating = this.ratings.get(number);
      this.films.write({
        id,
        ...storedFilm({
          slug,
          title,
          originalTitle,
          year,
          runtimeMinutes,
          imdbId,
          akas: this.akas.get(number) ?? [],
          ratings: rating ? [{ source: 'imdb', value: rating.value, scale: 10, votes: rating.votes }] : [],
        }),
        ...audit,
      });
      count += 1;
      if (count % 10_000 === 0) task?.update(count, count);
    }
    fs.rmSync(this.pendingPath, { force: true });
    for (const file of [...this.nodeFiles, ...this.relationshipFiles]) file.close();
  }
}

/** Ids for one label and run: a random token, then the IMDb number (or a counter) masked; 32 hex digits like newId's. */
class RunIds {
  private readonly prefix: string;
  private readonly mask: number;
  private counter = 0;

  constructor(label: Label) {
    const random = randomBytes(16);
    this.prefix = `${label.toLowerCase()}_${random.subarray(0, 12).toString('hex')}`;
    this.mask = random.readUInt32BE(12);
  }

  of(number: number): string {
    return this.prefix + ((number ^ this.mask) >>> 0).toString(16).padStart(8, '0');
  }

  next(): string {
    this.counter += 1;
    return this.of(this.counter);
  }
}

const quoted = (text: string) => `"${text}"`;

const AUDIT_TYPES: Record<string, ColumnType> = { version: 'long', createdAt: 'string', createdBy: 'string', updatedAt: 'string', updatedBy: 'string' };
export const AUDIT_COLUMNS: Column[] = Object.entries(AUDIT_TYPES).map(([name, type]) => ({ name, type }));

/** The importer's type of every property storedFilm gives; a property it does not know stops the bulk path at once. */
export const FILM_TYPES: Record<string, ColumnType> = {
  slug: 'string',
  title: 'string',
  sortTitle: 'string',
  originalTitle: 'string',
  alternativeTitles: 'string[]',
  alternativeTitlesText: 'string',
  folded: 'string',
  year: 'long',
  runtimeMinutes: 'long',
  overview: 'string',
  releaseDate: 'date',
  imdbId: 'string',
  tmdbId: 'string',
  wikidataId: 'string',
  ratingSources: 'string[]',
  ratingValues: 'double[]',
  ratingScales: 'long[]',
  ratingVotes: 'long[]',
  popularity: 'long',
  popularityBand: 'string',
  akaTitles: 'string[]',
  akaRegions: 'string[]',
  akaLanguages: 'string[]',
  akaTypes: 'string[]',
};

export const PERSON_TYPES: Record<string, ColumnType> = {
  slug: 'string',
  name: 'string',
  sortName: 'string',
  folded: 'string',
  birthYear: 'long',
  deathYear: 'long',
  professions: 'string[]',
  imdbId: 'string',
  tmdbId: 'string',
  wikidataId: 'string',
};

/**
 * A role's stored values are its RoleWrite less the film and person it links (the Cypher path's
 * writeRoles sets the same). Typed against RoleWrite, so a field added there fails to compile
 * here until it is given the importer's type.
 */
const ROLE_TYPES: Record<Exclude<keyof RoleWrite, 'film' | 'person'>, ColumnType> = {
  kind: 'string',
  jobs: 'string[]',
  characters: 'string[]',
  billingOrder: 'long',
};

export function propertyColumns(label: string, types: Record<string, ColumnType>, keys: string[]): Column[] {
  const unknown = keys.filter((key) => !(key in types));
  if (unknown.length > 0) throw new Error(`The bulk path has no importer type for ${label}.${unknown.join(`, ${label}.`)}: add it in src/import/bulk/graph-files.ts`);
  return [...keys.map((name) => ({ name, type: types[name] })), ...AUDIT_COLUMNS];
}
