import { characterLoaders } from '../character/character.loaders';
import { Database } from '../db/database';
import { Label } from '../db/model';
import { filmLoaders } from '../film/film.loaders';
import { franchiseLoaders } from '../franchise/franchise.loaders';
import { genreLoaders } from '../genre/genre.loaders';
import { graphLoaders } from '../graph/graph.loaders';
import { personLoaders } from '../person/person.loaders';
import { reviewLoaders } from '../review/review.loaders';
import { roleLoaders } from '../role/role.loaders';

/** Loaders live for one request: batching within it, no cache shared between users. */
export function createLoaders(db: Database) {
  const loaders = {
    ...filmLoaders(db),
    ...personLoaders(db),
    ...roleLoaders(db),
    ...genreLoaders(db),
    ...franchiseLoaders(db),
    ...characterLoaders(db),
    ...reviewLoaders(db),
    ...graphLoaders(db),
  };
  /** The loader that fetches an entity of `label` by id: what node(id:) and paths resolve through. */
  const byLabel: Record<Label, { load(id: string): Promise<unknown>; loadMany(ids: string[]): Promise<unknown[]>; prime(id: string, value: any): unknown }> = {
    Film: loaders.filmById,
    Person: loaders.personById,
    Role: loaders.roleById,
    Genre: loaders.genreById,
    Franchise: loaders.franchiseById,
    Character: loaders.characterById,
    Review: loaders.reviewById,
  };
  return { ...loaders, byLabel };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: Database;
  loaders: Loaders;
}
