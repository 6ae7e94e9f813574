import { Connection, encodeCursor, PageRequest } from '../common/page';
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

/** A page of changes whose cursors are their sequence numbers: stable while the feed grows. */
function feedPage(rows: Change[], limit: number, hasPrevious: boolean, totalCount: () => Promise<number>): Connection<Change> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.sequence), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
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
  /** Oldest first, after the change numbered `page.offset - 1`. */
  async feed(db: Database, page: PageRequest, filter: FeedFilter): Promise<Connection<Change>> {
    const params = { from: page.offset, limit: page.limit + 1, entityTypes: filter.entityTypes ?? [], entityId: filter.entityId ?? null };
    const rows = await db.read<{ change: StoredChange }>(
      `MATCH (c:Change) WHERE c.sequence >= $from${where(filter)}
       RETURN ${CHANGE} AS change ORDER BY c.sequence LIMIT $limit`,
      params,
    );
    const count = async () => {
      const [row] = await db.read<{ count: number }>(`MATCH (c:Change) WHERE true${where(filter)} RETURN count(c) AS count`, params);
      return row.count;
    };
    return feedPage(rows.map((row) => parsed(row.change)), page.limit, page.offset > 0, count);
  },

  /** One entity's changes, newest first; `page.offset - 1` is the last one already seen (0: none). */
  async history(db: Database, entityId: string, page: PageRequest): Promise<Connection<Change>> {
    const before = page.offset > 0 ? page.offset - 1 : null;
    const rows = await db.read<{ change: StoredChange }>(
      `MATCH (c:Change) WHERE c.entityId = $entityId AND ($before IS NULL OR c.sequence < $before)
       RETURN ${CHANGE} AS change ORDER BY c.sequence DESC LIMIT $limit`,
      { entityId, before, limit: page.limit + 1 },
    );
    const count = async () => {
      const [row] = await db.read<{ count: number }>(`MATCH (c:Change) WHERE c.entityId = $entityId RETURN count(c) AS count`, { entityId });
      return row.count;
    };
    return feedPage(rows.map((row) => parsed(row.change)), page.limit, before !== null, count);
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
