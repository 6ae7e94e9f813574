import { Database } from '../../src/db/database';
import { randomFrom } from '../../bench/src/random';

/**
 * A larger, made-up film graph for timing the traversals: tens of thousands of films and people,
 * written straight with UNWIND … CREATE in batches (the import path's slug bookkeeping is not what
 * is being measured). Films and people carry only what traversals and orderings read: no slug and
 * no folded names, whose indexes would only slow the writing down. Deterministic: the same sizes
 * always give the same graph, so a slow query can be replayed. Ids start with `gen-` so nothing
 * here can be mistaken for the seed.
 */
export interface GeneratedGraphSize {
  films: number;
  people: number;
  franchises: number;
  characters: number;
  genres: number;
}

export const BENCH_SIZE: GeneratedGraphSize = { films: 20_000, people: 40_000, franchises: 400, characters: 1_200, genres: 20 };

export interface GeneratedGraph {
  roles: number;
  /** The most prolific actor: a hub many paths run through. */
  busiestPersonId: string;
  /** Two people with a single credit each: far apart, so paths between them are long. */
  obscurePersonIds: [string, string];
  /** A person with no roles at all: nothing reaches them (a search from their side ends at once). */
  isolatedPersonId: string;
  filmId: (index: number) => string;
  personId: (index: number) => string;
}

/** Crew besides the director, who every film has. */
const CREW_KINDS = ['WRITER', 'PRODUCER', 'CINEMATOGRAPHER', 'COMPOSER'] as const;
/** Rows per transaction: small enough that a transaction's state stays cheap, measured best at ~5,000. */
const BATCH = 5_000;

const pad = (n: number) => String(n).padStart(6, '0');

export async function writeGeneratedGraph(db: Database, size: GeneratedGraphSize = BENCH_SIZE): Promise<GeneratedGraph> {
  const rand = randomFrom(20_250_606);
  const filmId = (i: number) => `gen-film-${pad(i)}`;
  const personId = (i: number) => `gen-person-${pad(i)}`;
  const franchiseId = (i: number) => `gen-franchise-${pad(i)}`;
  const characterId = (i: number) => `gen-character-${pad(i)}`;
  const genreId = (i: number) => `gen-genre-${pad(i)}`;
  // Careers are skewed like real ones: a few people work constantly, most only now and then.
  // The last person is kept out of every credit (the isolated one).
  const somePerson = () => Math.min(size.people - 2, Math.floor(size.people * rand() ** 2.2));

  const write = async (cypher: string, rows: unknown[]) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      await db.write(cypher, { rows: rows.slice(start, start + BATCH) });
    }
  };

  await write(
    `UNWIND $rows AS row CREATE (:Genre {id: row.id, slug: row.id, name: row.name, folded: toLower(row.name)})`,
    Array.from({ length: size.genres }, (_, i) => ({ id: genreId(i), name: `Genre ${i}` })),
  );
  await write(
    `UNWIND $rows AS row CREATE (:Franchise {id: row.id, slug: row.id, name: row.name, folded: toLower(row.name)})`,
    Array.from({ length: size.franchises }, (_, i) => ({ id: franchiseId(i), name: `Saga ${i}` })),
  );
  // One franchise in eight sits inside a larger one (a spin-off universe).
  await write(
    `UNWIND $rows AS row MATCH (f:Franchise {id: row.id}), (parent:Franchise {id: row.parent}) CREATE (f)-[:PART_OF]->(parent)`,
    Array.from({ length: size.franchises }, (_, i) => i)
      .filter((i) => i % 8 === 7)
      .map((i) => ({ id: franchiseId(i), parent: franchiseId(i - 7) })),
  );
  await write(
    `UNWIND $rows AS row
     MATCH (fr:Franchise {id: row.franchise})
     CREATE (c:Character {id: row.id, slug: row.id, name: row.name, folded: toLower(row.name)})-[:FROM_FRANCHISE]->(fr)`,
    Array.from({ length: size.characters }, (_, i) => ({ id: characterId(i), name: `Hero ${i}`, franchise: franchiseId(i % size.franchises) })),
  );
  const films = Array.from({ length: size.films }, (_, i) => {
    const year = 1950 + Math.floor(rand() * 75);
    const month = 1 + Math.floor(rand() * 12);
    // Three films in ten belong to a franchise.
    const franchise = rand() < 0.3 ? Math.floor(rand() * size.franchises) : null;
    const genres = [...new Set([0, 1, 2].slice(0, 1 + Math.floor(rand() * 3)).map(() => Math.floor(rand() * size.genres)))];
    return {
      id: filmId(i),
      title: `Picture ${i}`,
      year,
      releaseDate: `${year}-${String(month).padStart(2, '0')}-15`,
      franchise: franchise === null ? null : franchiseId(franchise),
      franchiseIndex: franchise,
      genres: genres.map(genreId),
    };
  });
  await write(
    `UNWIND $rows AS row
     CREATE (f:Film {id: row.id, title: row.title, sortTitle: toLower(row.title), year: row.year, releaseDate: date(row.releaseDate)})
     WITH f, row
     CALL (f, row) {
       UNWIND row.genres AS genreId
       MATCH (g:Genre {id: genreId})
       CREATE (f)-[:IN_GENRE]->(g)
     }
     CALL (f, row) {
       WITH f, row WHERE row.franchise IS NOT NULL
       MATCH (fr:Franchise {id: row.franchise})
       CREATE (f)-[:IN_FRANCHISE {kind: 'MAIN'}]->(fr)
     }`,
    films,
  );
  await write(
    `UNWIND $rows AS row
     CREATE (:Person {id: row.id, name: row.name, sortName: toLower(row.name)})`,
    Array.from({ length: size.people }, (_, i) => ({ id: personId(i), name: `Performer ${i}` })),
  );

  // Roles go in grouped by film: one film look-up for all of its credits.
  let roleCount = 0;
  const credits = films.map((film) => {
    const taken = new Set<string>();
    const roles: { id: string; person: string; kind: string; billingOrder: number | null; character: string | null }[] = [];
    const add = (person: number, kind: string, billingOrder: number | null, character: string | null) => {
      const key = `${person}|${kind}`;
      if (taken.has(key)) return;
      taken.add(key);
      roles.push({ id: `gen-role-${roleCount++}`, person: personId(person), kind, billingOrder, character });
    };
    add(somePerson(), 'DIRECTOR', null, null);
    const crew = Math.floor(rand() * 3);
    for (let c = 0; c < crew; c += 1) add(somePerson(), CREW_KINDS[Math.floor(rand() * CREW_KINDS.length)], null, null);
    const cast = 4 + Math.floor(rand() * 3);
    for (let billing = 1; billing <= cast; billing += 1) {
      // A franchise film's lead plays one of its characters, so character paths exist too.
      const character =
        billing === 1 && film.franchiseIndex !== null
          ? characterId(film.franchiseIndex + size.franchises * Math.floor(rand() * Math.floor(size.characters / size.franchises)))
          : null;
      add(somePerson(), 'ACTOR', billing, character);
    }
    return { film: film.id, roles };
  });
  // About seven credits a film: ~BATCH roles per transaction.
  const filmsPerBatch = Math.ceil(BATCH / 7);
  for (let start = 0; start < credits.length; start += filmsPerBatch) {
    await db.write(
      `UNWIND $rows AS row
       MATCH (f:Film {id: row.film})
       UNWIND row.roles AS role
       MATCH (p:Person {id: role.person})
       CREATE (p)-[:HAS_ROLE]->(r:Role {id: role.id, kind: role.kind, billingOrder: role.billingOrder, characters: [], credited: true})-[:ON_FILM]->(f)
       WITH r, role WHERE role.character IS NOT NULL
       MATCH (c:Character {id: role.character})
       CREATE (r)-[:PLAYS]->(c)`,
      { rows: credits.slice(start, start + filmsPerBatch) },
    );
  }

  const [busiest] = await db.read<{ id: string }>(
    `MATCH (p:Person)-[:HAS_ROLE]->(r:Role {kind: 'ACTOR'}) WITH p, count(r) AS n ORDER BY n DESC, p.id LIMIT 1 RETURN p.id AS id`,
  );
  const obscure = await db.read<{ id: string }>(
    `MATCH (p:Person) WHERE COUNT { (p)-[:HAS_ROLE]->() } = 1 WITH p ORDER BY p.id DESC LIMIT 2 RETURN p.id AS id`,
  );
  return {
    roles: roleCount,
    busiestPersonId: busiest.id,
    obscurePersonIds: [obscure[0].id, obscure[1].id],
    isolatedPersonId: personId(size.people - 1),
    filmId,
    personId,
  };
}

/**
 * Empties the graph faster than wiping node by node: relationships first, then the bare nodes,
 * in batches of 10,000 (measured quicker than DETACH DELETE, which drags each node's relationships along).
 */
export async function wipeGeneratedGraph(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ deleted: number }>('MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*) AS deleted');
    if (row.deleted === 0) break;
  }
  for (;;) {
    const [row] = await db.write<{ deleted: number }>('MATCH (n) WITH n LIMIT 10000 DELETE n RETURN count(*) AS deleted');
    if (row.deleted === 0) break;
  }
}
