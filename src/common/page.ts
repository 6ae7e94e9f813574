import { Field, ObjectType } from 'type-graphql';
import { badInput, ReelgraphError } from './errors';
import type { Selection } from './selection';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ObjectType({ description: "Where a page stands in its list (Relay's PageInfo)." })
export class PageInfo {
  @Field({ description: 'Whether items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null for an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as `after` for the next page; null for an empty page." })
  endCursor!: string | null;
}

/** A validated page request: skip `offset` items, return at most `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * Cursors are opaque to clients; inside they are positions in a total order (every list query
 * ends its ORDER BY with the id), so walking pages visits each item exactly once.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`rg:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number | ReelgraphError {
  const match = /^rg:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) {
    return badInput(`after: "${cursor}" is not a cursor this API gave out; pass an endCursor or cursor from a previous page`, 'after');
  }
  return Number(match[1]);
}

/**
 * A page's arguments checked: the page, or the error that names what is wrong. Look-ahead pages
 * use this to leave a bad argument to the resolver, which throws it with the same message.
 */
export function checkedPage(first: number | null | undefined, after: string | null | undefined, fallback = DEFAULT_PAGE): PageRequest | ReelgraphError {
  if (first !== null && first !== undefined && (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)) {
    return badInput(`first must be between 0 and ${MAX_PAGE}; got ${first}`, 'first');
  }
  const cursor = after ? decodeCursor(after) : -1;
  if (cursor instanceof ReelgraphError) return cursor;
  return { offset: cursor + 1, limit: first ?? fallback };
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, fallback = DEFAULT_PAGE): PageRequest {
  const page = checkedPage(first, after, fallback);
  if (page instanceof ReelgraphError) throw page;
  return page;
}

/** `first` for plain lists (no cursor): the same bounds as connections. */
export function listLimit(first: number | null | undefined, fallback = DEFAULT_PAGE): number {
  return pageRequest(first, null, fallback).limit;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A function, so graphql-js only runs the count when a client asks for totalCount. */
  totalCount: number | (() => Promise<number>);
}

/**
 * Builds a connection from one page fetched with limit + 1 rows: the extra row only tells
 * whether a next page exists.
 */
export function toConnection<T>(rows: T[], page: PageRequest, totalCount: number | (() => Promise<number>)): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** What a connection's selection asks of its nodes, through `nodes` and through `edges { node }`. */
export function connectionNodes(connection: Selection): Selection[] {
  return [
    ...connection.all('nodes').map((use) => use.selection),
    ...connection.all('edges').flatMap((edges) => edges.selection.all('node').map((use) => use.selection)),
  ];
}

/** A page cut from a list already in memory (a film's few dozen credits, say). */
export function sliceConnection<T>(all: T[], page: PageRequest): Connection<T> {
  return toConnection(all.slice(page.offset, page.offset + page.limit + 1), page, all.length);
}
