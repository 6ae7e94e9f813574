import { Database, Tx } from '../db/database';
import { linkMentions } from '../mentions/mention.linker';
import { appendChanges, importChange, now, recordImport } from '../writes/change-log';
import { stampGraph } from './graph-stamp';
import { GraphWriter } from './graph-writer';
import { GraphDocument } from './records';

export interface DocumentCounts {
  genres: number;
  franchises: number;
  films: number;
  people: number;
  characters: number;
  roles: number;
  reviews: number;
}

export interface ImportOptions {
  /** Documents up to this many records are written in one transaction: all or nothing. */
  singleTransactionLimit?: number;
  /** Larger documents are written in batches of this many records, each safe to repeat. */
  batchSize?: number;
  /** Who the entities and the feed say wrote them: `import:json` unless told (the seed is `seed`). */
  actor?: string;
}

/**
 * Writes a validated document (see parseDocument). Sections go in the order their links need:
 * genres and franchises, then films, people and characters, then roles and reviews.
 */
export async function importDocument(db: Database, doc: GraphDocument, options: ImportOptions = {}): Promise<DocumentCounts> {
  const by = { actor: options.actor ?? 'import:json', at: now() };
  const writer = new GraphWriter(by);
  const counts: DocumentCounts = {
    genres: doc.genres?.length ?? 0,
    franchises: doc.franchises?.length ?? 0,
    films: doc.films?.length ?? 0,
    people: doc.people?.length ?? 0,
    characters: doc.characters?.length ?? 0,
    roles: doc.roles?.length ?? 0,
    reviews: doc.reviews?.length ?? 0,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const steps: ((tx: Tx, slice: (list: any[] | undefined) => any[]) => Promise<void>)[] = [
    (tx, s) => writer.writeGenres(tx, s(doc.genres)),
    // Franchise parents are resolved inside one call, so franchises are never split.
    (tx) => writer.writeFranchises(tx, doc.franchises ?? []),
    (tx, s) => writer.writeFilms(tx, s(doc.films)),
    (tx, s) => writer.writePeople(tx, s(doc.people)),
    (tx, s) => writer.writeCharacters(tx, s(doc.characters)),
    (tx, s) => writer.writeRoles(tx, s(doc.roles)),
    async (tx, s) => {
      const ids = await writer.writeReviews(tx, s(doc.reviews));
      // A review's mentions are part of it: linked in the same transaction, on every import.
      if (ids.length > 0) await linkMentions(tx, ids);
    },
  ];
  const whole = (list: any[] | undefined) => list ?? [];

  if (total <= (options.singleTransactionLimit ?? 50_000)) {
    // The run's one IMPORT change commits with it (and stamps the graph): a follower of the feed
    // sees the import exactly when its entities are there.
    await db.writeTx(async (tx) => {
      for (const step of steps) await step(tx, whole);
      await appendChanges(tx, [importChange({ ...counts })], by);
    });
    return counts;
  }
  const batchSize = options.batchSize ?? 5_000;
  const sizes = [counts.genres, 0, counts.films, counts.people, counts.characters, counts.roles, counts.reviews];
  for (const [index, step] of steps.entries()) {
    const size = index === 1 ? 1 : sizes[index];
    for (let start = 0; start < size; start += batchSize) {
      await db.writeTx((tx) => step(tx, (list) => (list ?? []).slice(start, start + batchSize)));
      await stampGraph(db);
    }
  }
  await recordImport(db, by.actor, { ...counts });
  return counts;
}

