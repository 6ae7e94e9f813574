import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { runOfflineImport, swapInDatabase } from '../../src/db/local/offline-import';
import { applySchemaWithProgress, importerArguments, LocalGraph } from '../../src/import/bulk/bulk-load';
import { Column, ColumnType, ImportFile } from '../../src/import/bulk/csv';
import { AUDIT_COLUMNS, FILM_TYPES, PERSON_TYPES, propertyColumns } from '../../src/import/bulk/graph-files';
import { terminalProgress } from '../../src/import/progress';
import { CharacterRecord, FilmRecord, FranchiseRecord, GenreRecord, GraphDocument, PersonRecord, ReviewRecord, RoleRecord } from '../../src/ingest/records';
import { filmValuesOf, personValuesOf, yearOf } from '../../src/ingest/graph-writer';
import { storedFilm } from '../../src/model/film';
import { Label } from '../../src/model/graph';
import { storedName } from '../../src/model/named';
import { storedPerson } from '../../src/model/person';
import { jobsOf, roleKey } from '../../src/model/role';
import { filmSlugBase, nameSlugBase, nextFreeSlug } from '../../src/model/slug';
import { Authorship, now, recordImport } from '../../src/writes/change-log';
import { refreshAllPeople } from '../../src/writes/popularity';
import { created } from '../../src/writes/versions';
import { FilmGraphGenerator } from './generate';

/**
 * The generated graph loaded the way a first load of a big catalogue is: written as Neo4j's
 * offline importer's files, imported into a new store, swapped in, then indexed. importDocument
 * takes about 75 minutes for a million films here; this takes minutes.
 *
 * The graph is the one importDocument builds from the same chunks into an empty database, by the
 * same model rules (storedFilm, storedPerson, storedName, roleKey, jobs, a review's key, created(by)
 * on every entity, slugs given in the order importDocument meets them: per chunk genres,
 * franchises, films, people, characters), with one exception: reviews' mentions are not linked
 * (no benchmark workload reads them). bench/tests/bulk-load.int.test.ts compares the two.
 */
export class GeneratedGraphFiles {
  private readonly nodes: Record<Label, ImportFile>;
  private readonly links: Record<'hasRole' | 'onFilm' | 'plays' | 'fromFranchise' | 'inFranchise' | 'partOf' | 'inGenre' | 'reviews', ImportFile>;
  private readonly written = new Set<string>();
  private readonly slugs: Record<string, Set<string>> = { Film: new Set(), Person: new Set(), Franchise: new Set(), Character: new Set(), Genre: new Set() };
  private readonly audit: Record<string, unknown>;
  counts = { genres: 0, franchises: 0, films: 0, people: 0, characters: 0, roles: 0, reviews: 0 };

  constructor(readonly dir: string, by: Authorship) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    this.audit = created(by);
    const id: Column = { name: 'id', type: 'string' };
    const columns = (entries: Record<string, ColumnType>): Column[] => Object.entries(entries).map(([name, type]) => ({ name, type }));
    const named = (extra: Record<string, ColumnType> = {}) => [id, ...columns({ slug: 'string', name: 'string', folded: 'string', ...extra }), ...AUDIT_COLUMNS];
    this.nodes = {
      Film: new ImportFile(dir, 'films', 'Film', [id, ...propertyColumns('Film', FILM_TYPES, [...Object.keys(storedFilm({ slug: '', title: '' })), 'releaseDate'])]),
      Person: new ImportFile(dir, 'people', 'Person', [id, ...propertyColumns('Person', PERSON_TYPES, Object.keys(storedPerson({ slug: '', name: '' })))]),
      Role: new ImportFile(dir, 'roles', 'Role', [
        id,
        ...columns({ key: 'string', kind: 'string', job: 'string', jobs: 'string[]', characters: 'string[]', billingOrder: 'long', credited: 'boolean' }),
        ...AUDIT_COLUMNS,
      ]),
      Franchise: new ImportFile(dir, 'franchises', 'Franchise', named({ description: 'string' })),
      Character: new ImportFile(dir, 'characters', 'Character', named()),
      Genre: new ImportFile(dir, 'genres', 'Genre', named()),
      Review: new ImportFile(dir, 'reviews', 'Review', [
        id,
        ...columns({ key: 'string', publication: 'string', author: 'string', url: 'string', rating: 'double', ratingScale: 'double', headline: 'string', body: 'string', publishedOn: 'date' }),
        ...AUDIT_COLUMNS,
      ]),
    };
    const link = (name: string, type: string, extra: Column[] = []) =>
      new ImportFile(dir, name, type, [{ name: ':START_ID', type: 'string' }, { name: ':END_ID', type: 'string' }, { name: ':TYPE', type: 'string' }, ...extra]);
    this.links = {
      hasRole: link('has_role', 'HAS_ROLE'),
      onFilm: link('on_film', 'ON_FILM'),
      plays: link('plays', 'PLAYS'),
      fromFranchise: link('from_franchise', 'FROM_FRANCHISE'),
      inFranchise: link('in_franchise', 'IN_FRANCHISE', columns({ kind: 'string', chronologicalOrder: 'long' })),
      partOf: link('part_of', 'PART_OF'),
      inGenre: link('in_genre', 'IN_GENRE'),
      reviews: link('reviews_film', 'REVIEWS'),
    };
  }

  /** One chunk of the generator: a complete document whose entities may repeat earlier chunks' (matched on id, as importDocument does). */
  add(doc: GraphDocument): void {
    for (const genre of doc.genres ?? []) this.named('Genre', genre, 'genre');
    for (const franchise of doc.franchises ?? []) this.named('Franchise', franchise, 'franchise', { description: franchise.description ?? null });
    for (const franchise of doc.franchises ?? []) {
      if (franchise.parent) this.link('partOf', franchise.id!, franchise.parent);
    }
    for (const film of doc.films ?? []) this.film(film);
    for (const person of doc.people ?? []) this.person(person);
    for (const character of doc.characters ?? []) {
      if (this.named('Character', character, 'character') && character.franchise) this.link('fromFranchise', character.id!, character.franchise);
    }
    for (const role of doc.roles ?? []) this.role(role);
    for (const review of doc.reviews ?? []) this.review(review);
  }

  /** Closes every file and returns the importer's arguments for them (database name excepted). */
  finish(): string[] {
    const files = { nodeFiles: Object.values(this.nodes), relationshipFiles: Object.values(this.links) };
    for (const file of [...files.nodeFiles, ...files.relationshipFiles]) file.close();
    return importerArguments(files);
  }

  /**
   * False when the entity was written by an earlier chunk. The generator gives every entity its
   * id. Only people, franchises, characters and genres repeat across chunks (a film's roles and
   * reviews come with it): a Set of every id would pass V8's 16.7 million entries at a million films.
   */
  private first(id: string | undefined): id is string {
    if (!id) throw new Error('the generated graph gives every entity an id');
    if (this.written.has(id)) return false;
    this.written.add(id);
    return true;
  }

  private slug(label: string, base: string): string {
    const slug = nextFreeSlug(base, this.slugs[label]);
    this.slugs[label].add(slug);
    return slug;
  }

  private named(label: 'Genre' | 'Franchise' | 'Character', record: GenreRecord | FranchiseRecord | CharacterRecord, kind: string, extra: Record<string, unknown> = {}): boolean {
    if (!this.first(record.id)) return false;
    const slug = record.slug ?? this.slug(label, nameSlugBase(record.name, kind));
    this.nodes[label].write({ id: record.id, ...storedName(slug, record.name), ...extra, ...this.audit });
    this.counts[label === 'Genre' ? 'genres' : label === 'Franchise' ? 'franchises' : 'characters'] += 1;
    return true;
  }

  private film(film: FilmRecord): void {
    if (!film.id) throw new Error('the generated graph gives every film an id');
    const slug = film.slug ?? this.slug('Film', filmSlugBase(film.title, yearOf(film)));
    this.nodes.Film.write({
      id: film.id,
      ...storedFilm(filmValuesOf(film, slug)),
      releaseDate: film.releaseDate ?? null,
      ...this.audit,
    });
    for (const genre of film.genres ?? []) this.link('inGenre', film.id, genre);
    for (const entry of film.franchises ?? []) this.link('inFranchise', film.id, entry.franchise, [entry.kind, entry.chronologicalOrder ?? null]);
    this.counts.films += 1;
  }

  private person(person: PersonRecord): void {
    if (!this.first(person.id)) return;
    const slug = person.slug ?? this.slug('Person', nameSlugBase(person.name, 'person'));
    this.nodes.Person.write({
      id: person.id,
      ...storedPerson(personValuesOf(person, slug)),
      ...this.audit,
    });
    this.counts.people += 1;
  }

  private role(role: RoleRecord): void {
    if (!role.id) throw new Error('the generated graph gives every role an id');
    const jobs = jobsOf(role.job, role.jobs);
    this.nodes.Role.write({
      id: role.id,
      key: roleKey(role.person, role.film, role.kind),
      kind: role.kind,
      job: jobs[0] ?? null,
      jobs,
      characters: role.characters ?? [],
      billingOrder: role.billingOrder ?? null,
      credited: role.credited ?? true,
      ...this.audit,
    });
    this.link('hasRole', role.person, role.id);
    this.link('onFilm', role.id, role.film);
    if (role.character) this.link('plays', role.id, role.character);
    this.counts.roles += 1;
  }

  private review(review: ReviewRecord): void {
    if (!review.id) throw new Error('the generated graph gives every review an id');
    this.nodes.Review.write({
      id: review.id,
      key: [review.film, review.publication ?? '', review.author ?? '', review.url ?? ''].join('|'),
      publication: review.publication ?? null,
      author: review.author ?? null,
      url: review.url ?? null,
      rating: review.rating ?? null,
      ratingScale: review.ratingScale ?? null,
      headline: review.headline ?? null,
      body: review.body ?? null,
      publishedOn: review.publishedOn ?? null,
      ...this.audit,
    });
    this.link('reviews', review.id, review.film);
    this.counts.reviews += 1;
  }

  private link(file: keyof GeneratedGraphFiles['links'], from: string, to: string, values: unknown[] = []): void {
    const target = this.links[file];
    const record: Record<string, unknown> = { ':START_ID': from, ':END_ID': to, ':TYPE': target.group };
    target.columns.slice(3).forEach((column, i) => (record[column.name] = values[i]));
    target.write(record);
  }
}

export interface BulkLoadPhases {
  filesSeconds: number;
  importSeconds: number;
  restartSeconds: number;
  indexSeconds: number;
  nodes: number;
  relationships: number;
}

/**
 * Loads the generated graph into the local Neo4j `graph`, whose database must be empty: files,
 * offline import beside the live store, stop, swap, start, schema with every index online, and
 * the run's IMPORT change. `graph` is left started.
 */
export async function bulkLoadGenerated(graph: LocalGraph, generator: FilmGraphGenerator, chunkFilms: number, log: (line: string) => void): Promise<BulkLoadPhases> {
  const work = path.join(graph.dataDir, 'bench-bulk');
  fs.rmSync(work, { recursive: true, force: true });
  try {
    let started = Date.now();
    const files = new GeneratedGraphFiles(path.join(work, 'csv'), { actor: 'import:json', at: now() });
    let done = 0;
    for (const doc of generator.chunks(chunkFilms)) {
      files.add(doc);
      done += doc.films?.length ?? 0;
      if (done % (chunkFilms * 25) === 0) log(`  files: ${done}/${generator.films} films (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    const args = files.finish();
    const filesSeconds = (Date.now() - started) / 1000;
    log(`  files written in ${filesSeconds.toFixed(1)} s: ${JSON.stringify(files.counts)}`);

    started = Date.now();
    const home = path.join(work, 'home');
    let shown = -10;
    const imported = await runOfflineImport({
      home,
      args,
      maxOffHeap: '4g',
      onProgress: (share, stage) => {
        const percent = Math.floor(share * 100);
        if (percent >= shown + 10) {
          shown = percent;
          log(`  offline import ${percent}% (${stage}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    });
    const importSeconds = (Date.now() - started) / 1000;
    log(`  offline import: ${imported.nodes} nodes, ${imported.relationships} relationships in ${importSeconds.toFixed(1)} s`);

    started = Date.now();
    await graph.stop();
    const swap = swapInDatabase(graph.dataDir, home, path.join(work, 'previous'));
    await graph.start();
    swap.discard();
    const restartSeconds = (Date.now() - started) / 1000;

    started = Date.now();
    await applySchemaWithProgress(graph.db, terminalProgress());
    // importDocument works out people's popularity as it writes their roles; the files cannot
    // (their films' votes come with other chunks), so it is worked out once on the loaded store.
    await refreshAllPeople(graph.db);
    await recordImport(graph.db, 'import:json', files.counts);
    const indexSeconds = (Date.now() - started) / 1000;
    log(`  schema and indexes online in ${indexSeconds.toFixed(1)} s`);
    return { filesSeconds, importSeconds, restartSeconds, indexSeconds, nodes: imported.nodes, relationships: imported.relationships };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** True when the database holds no entity yet (the bulk path replaces the store). */
export async function isEmptyGraph(db: Database): Promise<boolean> {
  const [row] = await db.read<{ n: number }>(`MATCH (n) WHERE n:Film OR n:Person OR n:Review RETURN count(n) AS n`);
  return row.n === 0;
}
