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

  @Field(() => String, { nullable: true, description: "The first item's cursor, to pass as `before` for the previous page; null for an empty page." })
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
 * A page's four Relay arguments as a resolver receives them. Combined as the Relay spec says:
 * `after` and `before` cut the list to the items between them, then `first` keeps the first of
 * those and `last` the last of what remains.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What every connection's page arguments say, to GraphiQL and generated clients. */
export const PAGE_ARG = {
  first: 'How many to return from the start of the list (after `after`): 0 to 100; 20 when neither `first` nor `last` is given.',
  after: "A cursor from a previous page (its endCursor, or an edge's cursor): this page starts after it.",
  last: 'How many to return from the end of the list (before `before`), for paging backwards: 0 to 100. With `first` too, the last of those first items.',
  before: "A cursor from a previous page (its startCursor, or an edge's cursor): this page ends before it. Alone, the 20 items just before it.",
} as const;

/**
 * The last `tail` items of the list from `offset` on: `last` without `before` or `first`, whose
 * window is known only once the list's length is (tailWindow).
 */
export interface TailRequest {
  offset: number;
  tail: number;
}

export type PagePlan = PageRequest | TailRequest;

export function isTail(plan: PagePlan): plan is TailRequest {
  return 'tail' in plan;
}

/**
 * Cursors are opaque to clients; inside they are positions in a total order (every list query
 * ends its ORDER BY with the id), so walking pages visits each item exactly once, either way.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`rg:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string, argument: 'after' | 'before'): number | ReelgraphError {
  const match = /^rg:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) {
    const which = argument === 'after' ? 'an endCursor' : 'a startCursor';
    return badInput(`${argument}: "${cursor}" is not a cursor this API gave out; pass ${which} or cursor from a previous page`, argument);
  }
  return Number(match[1]);
}

/** The position a cursor stands for (an offset, or a change's sequence number); throws BAD_USER_INPUT naming the argument. */
export function cursorPosition(cursor: string, argument: 'after' | 'before'): number {
  const position = decodeCursor(cursor, argument);
  if (position instanceof ReelgraphError) throw position;
  return position;
}

function checkedSize(value: number | null | undefined, argument: 'first' | 'last'): number | null | ReelgraphError {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) return badInput(`${argument} must be between 0 and ${MAX_PAGE}; got ${value}`, argument);
  return value;
}

/** The four arguments checked, cursors decoded: the parts both kinds of cursor page from. */
interface CheckedArgs {
  first: number | null;
  last: number | null;
  after: number | null;
  before: number | null;
}

function checkedArgs(args: PageArgs, fallback: number): CheckedArgs | ReelgraphError {
  const first = checkedSize(args.first, 'first');
  if (first instanceof ReelgraphError) return first;
  const last = checkedSize(args.last, 'last');
  if (last instanceof ReelgraphError) return last;
  const after = args.after ? decodeCursor(args.after, 'after') : null;
  if (after instanceof ReelgraphError) return after;
  const before = args.before ? decodeCursor(args.before, 'before') : null;
  if (before instanceof ReelgraphError) return before;
  // Neither size given: the fallback, counted from `before` when only that is given.
  if (first === null && last === null) return before !== null && after === null ? { first, last: fallback, after, before } : { first: fallback, last, after, before };
  return { first, last, after, before };
}

/**
 * A page's arguments checked: the page, or the error that names what is wrong. Look-ahead pages
 * use this to leave a bad argument to the resolver, which throws it with the same message. This
 * is the one rule of paging by offset: the window is [after + 1, before), cut to its first
 * `first` items, then to its last `last`.
 */
export function checkedPage(args: PageArgs, fallback = DEFAULT_PAGE): PagePlan | ReelgraphError {
  const checked = checkedArgs(args, fallback);
  if (checked instanceof ReelgraphError) return checked;
  const { first, last, after, before } = checked;
  const start = after === null ? 0 : after + 1;
  let end = before === null ? Infinity : Math.max(before, start);
  if (first !== null) end = Math.min(end, start + first);
  if (last === null) return { offset: start, limit: end - start };
  if (end === Infinity) return { offset: start, tail: last };
  const from = Math.max(start, end - last);
  return { offset: from, limit: end - from };
}

export function pageRequest(args: PageArgs, fallback = DEFAULT_PAGE): PagePlan {
  const page = checkedPage(args, fallback);
  if (page instanceof ReelgraphError) throw page;
  return page;
}

/** A page plan made a window, given the list's length. */
export function tailWindow(plan: PagePlan, length: number): PageRequest {
  if (!isTail(plan)) return plan;
  const offset = Math.max(plan.offset, length - plan.tail);
  return { offset, limit: Math.max(0, length - offset) };
}

/** `first` for plain lists (no cursor), checked: the same bounds as connections. */
export function checkedLimit(first: number | null | undefined, fallback = DEFAULT_PAGE): number | ReelgraphError {
  const size = checkedSize(first, 'first');
  return size instanceof ReelgraphError ? size : size ?? fallback;
}

export function listLimit(first: number | null | undefined, fallback = DEFAULT_PAGE): number {
  const limit = checkedLimit(first, fallback);
  if (limit instanceof ReelgraphError) throw limit;
  return limit;
}

/** What a fetch of one window (limit + 1 rows) returns: the rows and the whole list's length. */
export interface FetchedPage<T> {
  rows: T[];
  totalCount: number | (() => Promise<number>);
}

/**
 * A connection by offset, from a function that fetches one window with limit + 1 rows. A tail
 * (`last` counted from the list's end) costs one fetch more, of no rows, for the list's length.
 */
export async function offsetConnection<T>(args: PageArgs, fetch: (page: PageRequest) => Promise<FetchedPage<T>>, fallback = DEFAULT_PAGE): Promise<Connection<T>> {
  const plan = pageRequest(args, fallback);
  let page: PageRequest;
  if (isTail(plan)) {
    const { totalCount } = await fetch({ offset: 0, limit: 0 });
    page = tailWindow(plan, typeof totalCount === 'function' ? await totalCount() : totalCount);
  } else {
    page = plan;
  }
  const { rows, totalCount } = await fetch(page);
  return toConnection(rows, page, totalCount);
}

/**
 * A page of a list whose cursors are keys (the change feed's sequence numbers), checked. Keys
 * are in list order when `ascending`. A service reads the rows strictly between `after` and
 * `before`: `fetch` of them from the `before` end backwards when `fromEnd`, else from the
 * `after` end forwards, and hands them to keysetConnection in the order read.
 */
export interface KeysetRequest {
  after: number | null;
  before: number | null;
  fromEnd: boolean;
  fetch: number;
  first: number | null;
  last: number | null;
}

export function keysetRequest(args: PageArgs, fallback = DEFAULT_PAGE): KeysetRequest {
  const checked = checkedArgs(args, fallback);
  if (checked instanceof ReelgraphError) throw checked;
  const fromEnd = checked.first === null;
  return { ...checked, fromEnd, fetch: (fromEnd ? checked.last! : checked.first!) + 1 };
}

/**
 * The connection of rows read for a KeysetRequest. hasNextPage is exact from the end read
 * forwards and true when `before` was given (the item at `before` follows); hasPreviousPage
 * likewise the other way round.
 */
export function keysetConnection<T>(rows: T[], request: KeysetRequest, keyOf: (item: T) => number, totalCount: () => Promise<number>): Connection<T> {
  let nodes: T[];
  let hasNextPage: boolean;
  let hasPreviousPage: boolean;
  if (request.fromEnd) {
    const last = request.last!;
    nodes = rows.slice(0, last).reverse();
    hasPreviousPage = rows.length > last || request.after !== null;
    hasNextPage = request.before !== null;
  } else {
    const first = request.first!;
    const page = rows.slice(0, first);
    nodes = request.last === null ? page : page.slice(Math.max(0, page.length - request.last));
    hasNextPage = rows.length > first || request.before !== null;
    hasPreviousPage = request.after !== null || nodes.length < page.length;
  }
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
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
export function sliceConnection<T>(all: T[], args: PageArgs): Connection<T> {
  const page = tailWindow(pageRequest(args), all.length);
  return toConnection(all.slice(page.offset, page.offset + page.limit + 1), page, all.length);
}
