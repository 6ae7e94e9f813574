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

const GROUPS = [filmLoaders, personLoaders, roleLoaders, genreLoaders, franchiseLoaders, characterLoaders, reviewLoaders, graphLoaders];
type AllLoaders = ReturnType<typeof filmLoaders> &
  ReturnType<typeof personLoaders> &
  ReturnType<typeof roleLoaders> &
  ReturnType<typeof genreLoaders> &
  ReturnType<typeof franchiseLoaders> &
  ReturnType<typeof characterLoaders> &
  ReturnType<typeof reviewLoaders> &
  ReturnType<typeof graphLoaders>;
// Making a loader never touches the database, so the names can be read once from loaders made for none.
const NAMES = GROUPS.map((group) => Object.keys(group(undefined as unknown as Database)));

type EntityLoader = { load(id: string): Promise<unknown>; loadMany(ids: string[]): Promise<unknown[]>; prime(id: string, value: any): unknown };

/**
 * One request's loaders. A request uses a few of the 34, and making them all cost about 40 µs a
 * request, so each group is made when one of its loaders is first used, through getters defined
 * once on the prototype below.
 */
class RequestLoaders {
  readonly made: (Record<string, unknown> | undefined)[] = [];
  constructor(readonly db: Database) {}

  /** The loader that fetches an entity of `label` by id: what node(id:) and paths resolve through. */
  get byLabel(): Record<Label, EntityLoader> {
    const loaders = this as unknown as AllLoaders;
    return {
      Film: loaders.filmById,
      Person: loaders.personById,
      Role: loaders.roleById,
      Genre: loaders.genreById,
      Franchise: loaders.franchiseById,
      Character: loaders.characterById,
      Review: loaders.reviewById,
    };
  }
}
GROUPS.forEach((group, i) => {
  for (const name of NAMES[i]) {
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: RequestLoaders) {
        return (this.made[i] ??= group(this.db) as Record<string, unknown>)[name];
      },
    });
  }
});

/** Loaders live for one request: batching within it, no cache shared between users. */
export function createLoaders(db: Database): AllLoaders & { byLabel: Record<Label, EntityLoader> } {
  return new RequestLoaders(db) as unknown as AllLoaders & { byLabel: Record<Label, EntityLoader> };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: Database;
  loaders: Loaders;
}
