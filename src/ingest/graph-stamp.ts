import { randomUUID } from 'node:crypto';
import { Database } from '../db/database';
import { STAMP_GRAPH } from '../model/graph';

/**
 * Gives the graph a new stamp once a change has committed, so cached answers (ETags) are known to
 * be stale. A transaction of its own: concurrent import batches would otherwise all wait on the
 * one GraphState node's lock.
 */
export async function stampGraph(db: Database): Promise<void> {
  await db.write(STAMP_GRAPH, { stamp: randomUUID() });
}
