import { changeLoaders } from '../changes/change.loaders';
import type { ChangeFeed } from '../changes/change.feed';
import { characterLoaders } from '../character/character.loaders';
import { Database } from '../db/database';
import { filmLoaders } from '../film/film.loaders';
import { franchiseLoaders } from '../franchise/franchise.loaders';
import { genreLoaders } from '../genre/genre.loaders';
import { mentionLoaders } from '../mentions/mention.loaders';
import { Label } from '../model/graph';
import { CHANGE_ID_PREFIX, labelOfId } from '../model/ids';
import { personLoaders } from '../person/person.loaders';
import { reviewLoaders } from '../review/review.loaders';
import { roleLoaders } from '../role/role.loaders';
import type { Viewer } from '../auth/viewer';
import type { RateVerdict } from './rate-limit';

const GROUPS = [filmLoaders, personLoaders, roleLoaders, genreLoaders, franchiseLoaders, characterLoaders, reviewLoaders, mentionLoaders, changeLoaders];
type AllLoaders = ReturnType<typeof filmLoaders> &
  ReturnType<typeof personLoaders> &
  ReturnType<typeof roleLoaders> &
  ReturnType<typeof genreLoaders> &
  ReturnType<typeof franchiseLoaders> &
  ReturnType<typeof characterLoaders> &
  ReturnType<typeof reviewLoaders> &
  ReturnType<typeof mentionLoaders> &
  ReturnType<typeof changeLoaders>;
// Making a loader never touches the database, so the names can be read once from loaders made for none.
const NAMES = GROUPS.map((group) => Object.keys(group(undefined as unknown as Database)));

type EntityLoader = { load(id: string): Promise<unknown>; loadMany(ids: string[]): Promise<unknown[]>; prime(id: string, value: any): unknown };

/**
 * One request's loaders. A request uses a few of the 30-odd, and making them all cost about 40 µs a
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

  /** Any entity by its id (what node(id:) answers): null for an id that names nothing. */
  node(id: string): Promise<unknown> {
    const label = labelOfId(id);
    if (label) return this.byLabel[label].load(id);
    return id.startsWith(CHANGE_ID_PREFIX) ? (this as unknown as AllLoaders).changeById.load(id) : Promise.resolve(null);
  }

  /** Entities of one label for ids, in order, leaving out any deleted since the ids were read. */
  async entities<T>(label: Label, ids: readonly string[]): Promise<T[]> {
    const loaded = await this.byLabel[label].loadMany([...ids]);
    return loaded.filter((entity: unknown) => entity !== null && !(entity instanceof Error)) as T[];
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
export function createLoaders(db: Database): AllLoaders & Omit<RequestLoaders, 'made' | 'db'> {
  return new RequestLoaders(db) as unknown as AllLoaders & Omit<RequestLoaders, 'made' | 'db'>;
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the HTTP edge knows of one request, filled in as it goes: for its headers, status and log line. */
export interface Exchange {
  id: string;
  /** Whom the rate budget is charged to: the credentials' digest, else the client's address. */
  client: string;
  authenticated: boolean;
  /** The query's measured cost, once its operation is known. */
  cost?: number;
  rate?: RateVerdict;
  errorCodes: string[];
  /** Whether any root field of the answer holds something. */
  hasData: boolean;
}

export interface Context {
  /** The database as this request sees it: every statement ends by the request's deadline. */
  db: Database;
  loaders: Loaders;
  exchange: Exchange;
  /**
   * Who the request is, by its Authorization header: checked when first asked for, at most once
   * per request (an API key is one indexed read). Rejects with UNAUTHENTICATED for bad
   * credentials; mutations go through requireRole (auth/guard.ts) instead of calling it.
   */
  viewer(): Promise<Viewer>;
  /** This process's follower of the stored change feed, which `Subscription.changes` reads from. */
  changeFeed: ChangeFeed;
}
