import { Database } from '../../src/db/database';
import { importDocument } from '../../src/ingest/json-import';
import { FilmGraphGenerator, filmId } from './generate';

export interface LoadResult {
  films: number;
  people: number;
  roles: number;
  reviews: number;
  seconds: number;
  /** True when the database already held this exact graph and nothing was written. */
  reused: boolean;
  /** How it was loaded, when it was: importDocument (the default) or the offline importer. */
  loader?: 'document' | 'bulk';
  /** The bulk load's phases, in seconds. */
  phases?: { filesSeconds: number; importSeconds: number; restartSeconds: number; indexSeconds: number; nodes: number; relationships: number };
  /** The store's size on disk after the load, in bytes (the local Neo4j only). */
  storeBytes?: number;
}

/** Films per document: about 35,000 records, under importDocument's one-transaction limit. */
export const CHUNK_FILMS = 2_000;

/**
 * Loads the generated graph through the importer, one complete document per chunk of films. A
 * database that already holds this graph (same size: its last film exists and no film beyond it)
 * is reused as it is, so a second run on a kept data folder skips the load.
 */
export async function loadGraph(db: Database, generator: FilmGraphGenerator, log: (line: string) => void = () => {}, chunkFilms = CHUNK_FILMS): Promise<LoadResult> {
  const started = Date.now();
  const [state] = await db.read<{ films: number; last: boolean; other: number }>(
    `RETURN COUNT { (f:Film) } AS films, EXISTS { (:Film {id: $last}) } AS last,
            COUNT { (n:Film) WHERE NOT n.id STARTS WITH 'film_b' } AS other`,
    { last: filmId(generator.films - 1) },
  );
  if (state.films === generator.films && state.last && state.other === 0) {
    const counts = await countGraph(db);
    return { ...counts, seconds: (Date.now() - started) / 1000, reused: true };
  }
  if (state.films > 0) {
    throw new Error(
      `The database already holds ${state.films} films that are not this benchmark's ${generator.films}: use an empty database (or the bench's own data folder).`,
    );
  }
  let done = 0;
  for (const doc of generator.chunks(chunkFilms)) {
    await importDocument(db, doc);
    done += doc.films?.length ?? 0;
    const seconds = (Date.now() - started) / 1000;
    log(`  loaded ${done}/${generator.films} films (${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} films/s)`);
  }
  const counts = await countGraph(db);
  return { ...counts, seconds: (Date.now() - started) / 1000, reused: false, loader: 'document' };
}

export async function countGraph(db: Database): Promise<Omit<LoadResult, 'seconds' | 'reused'>> {
  const [row] = await db.read<Omit<LoadResult, 'seconds' | 'reused'>>(
    `RETURN COUNT { (:Film) } AS films, COUNT { (:Person) } AS people, COUNT { (:Role) } AS roles, COUNT { (:Review) } AS reviews`,
  );
  return row;
}
