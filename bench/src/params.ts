import { Database } from '../../src/db/database';
import { FilmGraphGenerator, filmId, franchiseId, GENRES, genreId, personId, searchFragment } from './generate';
import { intBetween, randomFrom, Random, sampleIndexes, seedOf } from './random';
import { Params, WorkloadId } from './workloads';

/**
 * Parameter sets for each workload, drawn across the whole dataset with a fixed seed: thousands of
 * different films, people and franchises, so the benchmark is not one hot page in a cache. People
 * are drawn half by credit (a random credit's person: the busy ones come up as often as readers
 * ask for them) and half uniformly among credited people.
 */
export async function sampleParameters(db: Database, generator: FilmGraphGenerator, count: number, seed = 7): Promise<Record<WorkloadId, Params[]>> {
  const random = randomFrom(seedOf(seed, 99, generator.films));
  const films = await filmsById(db, sampleIndexes(random, generator.films, count).map(filmId));
  const relatedFilms = await filmsById(db, sampleIndexes(random, generator.films, count).map(filmId));
  const people = await samplePeople(db, generator, random, count);
  const franchises = await db.read<{ slug: string; name: string }>(
    `UNWIND $ids AS id MATCH (f:Franchise {id: id}) RETURN f.slug AS slug, f.name AS name`,
    { ids: sampleIndexes(random, generator.franchises.length, count).map(franchiseId) },
  );
  const genres = await db.read<{ id: string; slug: string }>(`UNWIND $ids AS id MATCH (g:Genre {id: id}) RETURN g.id AS id, g.slug AS slug`, {
    ids: GENRES.map((_, g) => genreId(g)),
  });
  const genreSlug = new Map(genres.map((g) => [g.id, g.slug]));

  const search: Params[] = [];
  for (let i = 0; i < count; i += 1) {
    const u = random();
    const name = u < 0.4 ? films[i % films.length].title : u < 0.8 ? people[i % people.length].name : franchises[i % Math.max(1, franchises.length)]?.name ?? 'night';
    search.push({ query: searchFragment(random, name) });
  }
  const browse: Params[] = [];
  const weights = GENRES.map(([, w]) => w);
  for (let i = 0; i < count; i += 1) {
    const yearFrom = intBetween(random, 1950, 2020);
    browse.push({ genre: genreSlug.get(genreId(weighted(random, weights)))!, yearFrom, yearTo: Math.min(2025, yearFrom + intBetween(random, 1, 10)) });
  }
  const paths: Params[] = [];
  for (let i = 0; i < count && people.length > 1; i += 1) {
    const a = people[Math.floor(random() * people.length)];
    let b = people[Math.floor(random() * people.length)];
    if (b.id === a.id) b = people[(people.indexOf(a) + 1) % people.length];
    paths.push({ from: a.id, to: b.id });
  }
  return {
    W1: films.map((f) => ({ slug: f.slug })),
    W2: people.map((p) => ({ slug: p.slug })),
    W3: franchises.map((f) => ({ slug: f.slug })),
    W4: search,
    W5: browse,
    W6: paths,
    W7: relatedFilms.map((f) => ({ slug: f.slug })),
  };
}

async function filmsById(db: Database, ids: string[]): Promise<{ slug: string; title: string }[]> {
  const rows = await db.read<{ id: string; slug: string; title: string }>(
    `UNWIND $ids AS id MATCH (f:Film {id: id}) RETURN f.id AS id, f.slug AS slug, f.title AS title`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function samplePeople(db: Database, generator: FilmGraphGenerator, random: Random, count: number) {
  const viaCredits = await db.read<{ film: string; people: { id: string; slug: string; name: string }[] }>(
    `UNWIND $ids AS id
     MATCH (:Film {id: id})<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person)
     WITH id, p ORDER BY p.id
     RETURN id AS film, collect(DISTINCT p {.id, .slug, .name}) AS people`,
    { ids: sampleIndexes(random, generator.films, Math.ceil(count / 2)).map(filmId) },
  );
  const uniform = await db.read<{ id: string; slug: string; name: string }>(
    `UNWIND $ids AS id
     MATCH (p:Person {id: id}) WHERE EXISTS { (p)-[:HAS_ROLE]->(:Role) }
     RETURN p.id AS id, p.slug AS slug, p.name AS name`,
    { ids: sampleIndexes(random, generator.people, count).map(personId) },
  );
  const byFilm = new Map(viaCredits.map((row) => [row.film, row.people]));
  const picked = [...byFilm.keys()].sort().map((film) => {
    const list = byFilm.get(film)!;
    return list[Math.floor(random() * list.length)];
  });
  const out: { id: string; slug: string; name: string }[] = [];
  for (let i = 0; out.length < count && (i < picked.length || i < uniform.length); i += 1) {
    if (i < picked.length) out.push(picked[i]);
    if (i < uniform.length && out.length < count) out.push(uniform[i]);
  }
  return out;
}

function weighted(random: Random, weights: number[]): number {
  let u = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i += 1) if ((u -= weights[i]) < 0) return i;
  return weights.length - 1;
}
