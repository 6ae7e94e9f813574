import { Tx } from '../db/database';
import { FilmValues, storedFilm } from '../model/film';
import { Label } from '../model/graph';
import { newId as freshId } from '../model/ids';
import { storedName } from '../model/named';
import { PersonValues, storedPerson } from '../model/person';
import { personPopularityOf, setPopularity } from '../model/popularity';
import { jobsOf, roleKey } from '../model/role';
import { filmSlugBase, nameSlugBase, nextFreeSlug } from '../model/slug';
import { refreshPeople, refreshPeopleOnFilms } from '../writes/popularity';
import { takenSlugs } from '../writes/slugs';
import { Authorship, now } from '../writes/change-log';
import { auditIfChanged, changesAny, createdOnMerge } from '../writes/versions';
import {
  CharacterRecord,
  FilmRecord,
  FranchiseRecord,
  GenreRecord,
  PersonRecord,
  ReviewRecord,
  RoleRecord,
} from './records';

/**
 * The write path every import goes through (seed, native JSON, IMDb). Each method writes one batch
 * inside the caller's write transaction with UNWIND, and is safe to repeat: entities are matched on
 * their id, then their external ids, then an explicit slug, and only the unmatched are created.
 * `refs` maps document refs to stored ids as batches go by, so later records can point back.
 */
export class GraphWriter {
  readonly refs = new Map<string, string>();

  constructor(
    /** Who writes (seed, import:json…) and when: stamped on every entity written. */
    private readonly by: Authorship = { actor: 'import:json', at: now() },
    private readonly newId: (label: Label) => string = freshId,
  ) {}

  idOf(kind: string, ref: string): string | undefined {
    return this.refs.get(`${kind}:${ref}`);
  }

  async writeGenres(tx: Tx, genres: GenreRecord[]): Promise<void> {
    const rows = await this.resolve(tx, 'Genre', genres, (g) => ({ base: nameSlugBase(g.name, 'genre') }));
    await tx.run(
      `UNWIND $rows AS row
       MERGE (g:Genre {id: row.id})
       ${createdOnMerge('g')}
       ${auditIfChanged('g', '{slug: row.slug, name: row.name}', 'g, row')}
       SET g.slug = row.slug, g.name = row.name, g.folded = row.folded`,
      { rows: rows.map(({ record, id, slug }) => ({ id, ...storedName(slug, record.name) })), by: this.by },
    );
  }

  async writeFranchises(tx: Tx, franchises: FranchiseRecord[]): Promise<void> {
    const rows = await this.resolve(tx, 'Franchise', franchises, (f) => ({ base: nameSlugBase(f.name, 'franchise') }));
    await tx.run(
      `UNWIND $rows AS row
       MERGE (f:Franchise {id: row.id})
       ${createdOnMerge('f')}
       ${auditIfChanged('f', '{slug: row.slug, name: row.name, description: row.description}', 'f, row')}
       SET f.slug = row.slug, f.name = row.name, f.folded = row.folded, f.description = row.description`,
      {
        by: this.by,
        rows: rows.map(({ record, id, slug }) => ({ id, ...storedName(slug, record.name), description: record.description ?? null })),
      },
    );
    // Parents may come later in the same document, so links are written once all are known.
    const links = franchises.map((f) => ({
      id: this.idOf('Franchise', f.ref),
      parent: f.parent ? this.requireRef('Franchise', f.parent, `franchise ${f.ref}`) : null,
    }));
    await tx.run(
      `UNWIND $links AS link
       MATCH (f:Franchise {id: link.id})
       OPTIONAL MATCH (f)-[old:PART_OF]->()
       DELETE old
       WITH DISTINCT f, link WHERE link.parent IS NOT NULL
       MATCH (parent:Franchise {id: link.parent})
       MERGE (f)-[:PART_OF]->(parent)`,
      { links },
    );
  }

  async writeFilms(tx: Tx, films: FilmRecord[]): Promise<void> {
    const rows = await this.resolve(tx, 'Film', films, (f) => ({ base: filmSlugBase(f.title, yearOf(f)), external: f.externalIds }));
    await tx.run(
      `UNWIND $rows AS row
       MERGE (f:Film {id: row.id})
       ${createdOnMerge('f')}
       WITH f, row, row.props AS props
       ${auditIfChanged('f', 'props{.*, releaseDate: CASE WHEN row.releaseDate IS NULL THEN null ELSE date(row.releaseDate) END}', 'f, row')}
       SET f += row.props, f.releaseDate = CASE WHEN row.releaseDate IS NULL THEN null ELSE date(row.releaseDate) END
       WITH f, row
       CALL (f, row) {
         WITH f, row WHERE row.genres IS NOT NULL
         OPTIONAL MATCH (f)-[old:IN_GENRE]->()
         DELETE old
         WITH DISTINCT f, row
         UNWIND row.genres AS genreId
         MATCH (g:Genre {id: genreId})
         MERGE (f)-[:IN_GENRE]->(g)
       }
       CALL (f, row) {
         WITH f, row WHERE row.franchises IS NOT NULL
         OPTIONAL MATCH (f)-[old:IN_FRANCHISE]->()
         DELETE old
         WITH DISTINCT f, row
         UNWIND row.franchises AS entry
         MATCH (fr:Franchise {id: entry.franchise})
         MERGE (f)-[e:IN_FRANCHISE]->(fr)
         SET e.kind = entry.kind, e.chronologicalOrder = entry.chronologicalOrder
       }`,
      {
        by: this.by,
        rows: rows.map(({ record: f, id, slug }) => {
          return {
            id,
            releaseDate: f.releaseDate ?? null,
            genres: f.genres ? f.genres.map((g) => this.requireRef('Genre', g, `film ${f.ref}`)) : null,
            franchises: f.franchises
              ? f.franchises.map((e) => ({
                  franchise: this.requireRef('Franchise', e.franchise, `film ${f.ref}`),
                  kind: e.kind,
                  chronologicalOrder: e.chronologicalOrder ?? null,
                }))
              : null,
            props: storedFilm(filmValuesOf(f, slug)),
          };
        }),
      },
    );
    // A film written again may bring new votes: the people already credited on it follow.
    await refreshPeopleOnFilms(tx, rows.map((row) => row.id));
  }

  async writePeople(tx: Tx, people: PersonRecord[]): Promise<void> {
    const rows = await this.resolve(tx, 'Person', people, (p) => ({ base: nameSlugBase(p.name, 'person'), external: p.externalIds }));
    await tx.run(
      `UNWIND $rows AS row
       MERGE (p:Person {id: row.id})
       ${createdOnMerge('p')}
       ${auditIfChanged('p', 'row.props', 'p, row')}
       SET p += row.props
       ${setPopularity('p', personPopularityOf('p'))}`,
      {
        by: this.by,
        rows: rows.map(({ record: p, id, slug }) => ({
          id,
          props: storedPerson(personValuesOf(p, slug)),
        })),
      },
    );
  }

  async writeCharacters(tx: Tx, characters: CharacterRecord[]): Promise<void> {
    const rows = await this.resolve(tx, 'Character', characters, (c) => ({ base: nameSlugBase(c.name, 'character') }));
    await tx.run(
      `UNWIND $rows AS row
       MERGE (c:Character {id: row.id})
       ${createdOnMerge('c')}
       ${auditIfChanged('c', '{slug: row.slug, name: row.name}', 'c, row')}
       SET c.slug = row.slug, c.name = row.name, c.folded = row.folded
       WITH c, row
       OPTIONAL MATCH (c)-[old:FROM_FRANCHISE]->()
       DELETE old
       WITH DISTINCT c, row WHERE row.franchise IS NOT NULL
       MATCH (f:Franchise {id: row.franchise})
       MERGE (c)-[:FROM_FRANCHISE]->(f)`,
      {
        by: this.by,
        rows: rows.map(({ record: c, id, slug }) => ({
          id,
          ...storedName(slug, c.name),
          franchise: c.franchise ? this.requireRef('Franchise', c.franchise, `character ${c.ref}`) : null,
        })),
      },
    );
  }

  /**
   * Roles are keyed by person, film and kind; `jobs` from the record, or its `job` alone. With `keepExisting`, a role already stored is left as
   * it is (IMDb's crew file only adds directors and writers the principals file did not name).
   */
  async writeRoles(tx: Tx, roles: RoleRecord[], options: { keepExisting?: boolean } = {}): Promise<void> {
    const rows = roles.map((r) => {
      const personId = this.requireRef('Person', r.person, 'role');
      const filmId = this.requireRef('Film', r.film, 'role');
      return {
        key: roleKey(personId, filmId, r.kind),
        newId: r.id ?? this.newId('Role'),
        personId,
        filmId,
        character: r.character ? this.requireRef('Character', r.character, `role of ${r.person} on ${r.film}`) : null,
        props: {
          kind: r.kind,
          ...jobFields(r),
          characters: r.characters ?? [],
          billingOrder: r.billingOrder ?? null,
          credited: r.credited ?? true,
        },
      };
    });
    await tx.run(
      `UNWIND $rows AS row
       MATCH (p:Person {id: row.personId})
       MATCH (f:Film {id: row.filmId})
       MERGE (r:Role {key: row.key})
       ON CREATE SET r.id = row.newId, r += row.props, r.created = true, r.version = 1, r.createdAt = $by.at, r.createdBy = $by.actor
       WITH r, row, p, f, coalesce(r.created, false) AS isNew
       REMOVE r.created
       WITH r, row, p, f, isNew WHERE isNew OR NOT $keepExisting
       WITH r, row, p, f, isNew, isNew OR ${changesAny('r', 'row.props')} AS changed
       SET r.version = CASE WHEN isNew THEN 1 WHEN changed THEN coalesce(r.version, 1) + 1 ELSE coalesce(r.version, 1) END,
           r.updatedAt = CASE WHEN changed THEN $by.at ELSE r.updatedAt END,
           r.updatedBy = CASE WHEN changed THEN $by.actor ELSE r.updatedBy END
       SET r += row.props
       MERGE (p)-[:HAS_ROLE]->(r)
       MERGE (r)-[:ON_FILM]->(f)
       WITH r, row
       OPTIONAL MATCH (r)-[old:PLAYS]->()
       DELETE old
       WITH DISTINCT r, row WHERE row.character IS NOT NULL
       MATCH (c:Character {id: row.character})
       MERGE (r)-[:PLAYS]->(c)`,
      { rows, keepExisting: options.keepExisting ?? false, by: this.by },
    );
    await refreshPeople(tx, rows.map((row) => row.personId));
  }

  /** Returns the ids of the reviews written, for the mention linker. */
  async writeReviews(tx: Tx, reviews: ReviewRecord[]): Promise<string[]> {
    const rows = reviews.map((r) => {
      const filmId = this.requireRef('Film', r.film, 'review');
      return {
        id: r.id ?? null,
        newId: this.newId('Review'),
        key: [filmId, r.publication ?? '', r.author ?? '', r.url ?? ''].join('|'),
        filmId,
        publishedOn: r.publishedOn ?? null,
        props: {
          publication: r.publication ?? null,
          author: r.author ?? null,
          url: r.url ?? null,
          rating: r.rating ?? null,
          ratingScale: r.ratingScale ?? null,
          headline: r.headline ?? null,
          body: r.body ?? null,
        },
      };
    });
    const written = await tx.run<{ id: string }>(
      `UNWIND $rows AS row
       MATCH (f:Film {id: row.filmId})
       OPTIONAL MATCH (byId:Review {id: row.id})
       WITH row, f, byId
       CALL (row, byId) {
         WITH row, byId WHERE byId IS NOT NULL
         RETURN byId AS review
       UNION
         WITH row, byId WHERE byId IS NULL
         MERGE (r:Review {key: row.key})
         ON CREATE SET r.id = coalesce(row.id, row.newId), r.createdAt = $by.at, r.createdBy = $by.actor
         RETURN r AS review
       }
       WITH row, f, review, row.props AS props
       WITH row, f, review, review.version IS NULL AS isNew,
            ${changesAny('review', 'props{.*, publishedOn: CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END}')} AS changed
       SET review.version = CASE WHEN isNew THEN 1 WHEN changed THEN review.version + 1 ELSE review.version END,
           review.updatedAt = CASE WHEN isNew OR changed THEN $by.at ELSE review.updatedAt END,
           review.updatedBy = CASE WHEN isNew OR changed THEN $by.actor ELSE review.updatedBy END
       SET review += row.props, review.key = row.key,
           review.publishedOn = CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END
       WITH review, f
       OPTIONAL MATCH (review)-[old:REVIEWS]->()
       DELETE old
       WITH DISTINCT review, f
       MERGE (review)-[:REVIEWS]->(f)
       RETURN review.id AS id`,
      { rows, by: this.by },
    );
    reviews.forEach((r, i) => {
      if (r.ref) this.refs.set(`Review:${r.ref}`, written[i]?.id);
    });
    return written.map((w) => w.id);
  }

  private requireRef(kind: string, ref: string, where: string): string {
    const id = this.idOf(kind, ref);
    if (!id) throw new Error(`${where} points at ${kind.toLowerCase()} "${ref}", which the document does not define`);
    return id;
  }

  /**
   * Finds the stored entity each record updates (by id, external ids, then explicit slug) and gives
   * the rest fresh ids and free slugs. Slug bases are looked up once per batch with STARTS WITH,
   * which the slug constraint's range index answers.
   */
  private async resolve<R extends { ref: string; id?: string; slug?: string }>(
    tx: Tx,
    label: Label,
    records: R[],
    describe: (record: R) => { base: string; external?: { imdb?: string | null; tmdb?: string | null; wikidata?: string | null } },
  ): Promise<{ record: R; id: string; slug: string }[]> {
    const keys = records.map((record, i) => {
      const { external } = describe(record);
      return {
        i,
        id: record.id ?? null,
        imdb: external?.imdb ?? null,
        tmdb: external?.tmdb ?? null,
        wikidata: external?.wikidata ?? null,
        slug: record.slug ?? null,
      };
    });
    const found = await tx.run<{ i: number; id: string | null; slug: string | null }>(
      `UNWIND $keys AS key
       OPTIONAL MATCH (byId:${label} {id: key.id})
       OPTIONAL MATCH (byImdb:${label} {imdbId: key.imdb})
       OPTIONAL MATCH (byTmdb:${label} {tmdbId: key.tmdb})
       OPTIONAL MATCH (byWikidata:${label} {wikidataId: key.wikidata})
       OPTIONAL MATCH (bySlug:${label} {slug: key.slug})
       WITH key, coalesce(byId, byImdb, byTmdb, byWikidata, CASE WHEN key.id IS NULL THEN bySlug END) AS n
       RETURN key.i AS i, n.id AS id, n.slug AS slug`,
      { keys },
    );
    const existing = new Map(found.filter((f) => f.id !== null).map((f) => [f.i, f]));

    const bases = new Map<number, string>();
    records.forEach((record, i) => {
      if (!existing.has(i)) bases.set(i, record.slug ?? describe(record).base);
    });
    const taken = await takenSlugs(tx, label, [...bases.values()]);

    const seenInBatch = new Map<string, { id: string; slug: string }>();
    return records.map((record, i) => {
      const hit = existing.get(i);
      let resolved: { id: string; slug: string };
      if (hit) {
        resolved = { id: hit.id!, slug: hit.slug! };
      } else {
        // The same entity twice in one batch (a repeated id or ref) must not become two nodes.
        const dedupeKey = record.id ?? `ref:${record.ref}`;
        const again = seenInBatch.get(dedupeKey);
        if (again) {
          resolved = again;
        } else {
          const slug = nextFreeSlug(bases.get(i)!, taken);
          taken.add(slug);
          resolved = { id: record.id ?? this.newId(label), slug };
          seenInBatch.set(dedupeKey, resolved);
        }
      }
      this.refs.set(`${label}:${record.ref}`, resolved.id);
      return { record, ...resolved };
    });
  }
}

/** A film record's values as the model stores them (storedFilm), under its resolved slug. */
export function filmValuesOf(f: FilmRecord, slug: string): FilmValues {
  return {
    slug,
    title: f.title,
    originalTitle: f.originalTitle,
    alternativeTitles: f.alternativeTitles,
    akas: f.akas,
    year: yearOf(f),
    runtimeMinutes: f.runtimeMinutes,
    overview: f.overview,
    imdbId: f.externalIds?.imdb,
    tmdbId: f.externalIds?.tmdb,
    wikidataId: f.externalIds?.wikidata,
    ratings: f.ratings,
  };
}

/** A person record's values as the model stores them (storedPerson), under its resolved slug. */
export function personValuesOf(p: PersonRecord, slug: string): PersonValues {
  return {
    slug,
    name: p.name,
    birthYear: p.birthYear,
    deathYear: p.deathYear,
    professions: p.professions,
    imdbId: p.externalIds?.imdb,
    tmdbId: p.externalIds?.tmdb,
    wikidataId: p.externalIds?.wikidata,
  };
}

export function yearOf(film: FilmRecord): number | null {
  if (film.year !== undefined && film.year !== null) return film.year;
  if (film.releaseDate) return Number(film.releaseDate.slice(0, 4));
  return null;
}

/** A role record's job and jobs as stored: `job` is the first of `jobs` (model/role.ts). */
function jobFields(record: RoleRecord): { job: string | null; jobs: string[] } {
  const jobs = jobsOf(record.job, record.jobs);
  return { job: jobs[0] ?? null, jobs };
}
