import { Connection, keysetConnection, KeysetRequest } from '../common/page';
import { inKeyOrder } from '../common/batch';
import { Database } from '../db/database';
import { Change } from './change.type';

type StoredChange = Omit<Change, 'fields'> & { fields: string };

const CHANGE = `c {.id, .sequence, .at, .actor, .operation, .entityType, .entityId, .fields}`;

function parsed(change: StoredChange): Change {
  return { ...change, fields: JSON.parse(change.fields) };
}

export interface FeedFilter {
  entityTypes?: readonly string[] | null;
  entityId?: string | null;
}

/**
 * One page of changes in sequence order (`ascending`) or its reverse, the cursors their sequence
 * numbers: stable while the feed grows. Reads strictly between `after` and `before`, from the
 * end the request counts from (page.ts's keyset rule).
 */
async function keysetPage(
  db: Database,
  conditions: string,
  params: Record<string, unknown>,
  ascending: boolean,
  page: KeysetRequest,
  totalCount: () => Promise<number>,
): Promise<Connection<Change>> {
  // In list order, `after` is a smaller sequence number when ascending, a larger one when not.
  const [low, high] = ascending ? [page.after, page.before] : [page.before, page.after];
  const readAscending = ascending !== page.fromEnd;
  const rows = await db.read<{ change: StoredChange }>(
    `MATCH (c:Change) WHERE ($low IS NULL OR c.sequence > $low) AND ($high IS NULL OR c.sequence < $high)${conditions}
     RETURN ${CHANGE} AS change ORDER BY c.sequence ${readAscending ? 'ASC' : 'DESC'} LIMIT $limit`,
    { ...params, low, high, limit: page.fetch },
  );
  return keysetConnection(rows.map((row) => parsed(row.change)), page, (change) => change.sequence, totalCount);
}

function where(filter: FeedFilter): string {
  return [
    filter.entityTypes && filter.entityTypes.length > 0 ? 'c.entityType IN $entityTypes' : null,
    filter.entityId ? 'c.entityId = $entityId' : null,
  ]
    .filter(Boolean)
    .map((condition) => ` AND ${condition}`)
    .join('');
}

/**
 * The change feed's reads. A cursor is a change's sequence number (in the API's cursor format),
 * so `after` means "changes numbered higher", whatever was appended since.
 */
export const changeService = {
  /** Oldest first; `after` and `before` are sequence numbers. */
  async feed(db: Database, page: KeysetRequest, filter: FeedFilter): Promise<Connection<Change>> {
    const params = { entityTypes: filter.entityTypes ?? [], entityId: filter.entityId ?? null };
    const count = async () => {
      const [row] = await db.read<{ count: number }>(`MATCH (c:Change) WHERE true${where(filter)} RETURN count(c) AS count`, params);
      return row.count;
    };
    return keysetPage(db, where(filter), params, true, page, count);
  },

  /** One entity's changes, newest first: `after` a sequence number means older ones, `before` newer. */
  async history(db: Database, entityId: string, page: KeysetRequest): Promise<Connection<Change>> {
    const count = async () => {
      const [row] = await db.read<{ count: number }>(`MATCH (c:Change) WHERE c.entityId = $entityId RETURN count(c) AS count`, { entityId });
      return row.count;
    };
    return keysetPage(db, ' AND c.entityId = $entityId', { entityId }, false, page, count);
  },

  async byIds(db: Database, ids: readonly string[]): Promise<(Change | null)[]> {
    const rows = await db.read<{ key: string; value: StoredChange }>(
      `UNWIND $ids AS id MATCH (c:Change {id: id}) RETURN id AS key, ${CHANGE} AS value`,
      { ids: [...ids] },
    );
    return inKeyOrder(ids, rows, null).map((change) => (change ? parsed(change) : null));
  },

  /** The changes after `sequence`, oldest first, at most `limit`: what a subscription pushes next. */
  async after(db: Database, sequence: number, limit: number, filter: FeedFilter): Promise<Change[]> {
    const rows = await db.read<{ change: StoredChange }>(
      `MATCH (c:Change) WHERE c.sequence > $sequence${where(filter)} RETURN ${CHANGE} AS change ORDER BY c.sequence LIMIT $limit`,
      { sequence, limit, entityTypes: filter.entityTypes ?? [], entityId: filter.entityId ?? null },
    );
    return rows.map((row) => parsed(row.change));
  },

  /** The feed's last sequence number: where a subscription without a cursor starts. */
  async head(db: Database): Promise<number> {
    const [row] = await db.read<{ sequence: number | null }>(`OPTIONAL MATCH (state:GraphState {key: 'graph'}) RETURN state.sequence AS sequence`);
    return row?.sequence ?? 0;
  },
};
