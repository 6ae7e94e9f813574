import { Database } from '../db/database';
import { changeService, FeedFilter } from './change.service';
import { Change } from './change.type';

/** How many changes a subscription reads at a time: one page of `Query.changes` at most. */
export const FOLLOW_BATCH = 100;

/**
 * One API process's view of the stored change feed for its subscriptions. Subscriptions are fed
 * from the feed in Neo4j, not from this process's own writes, so a change made through any API
 * process behind a load balancer reaches every subscriber.
 *
 * One poller per process reads the feed's head (one cheap statement) every `intervalMs`, and only
 * while a subscription is open; when the head moves it wakes the subscriptions behind it. Each
 * subscription keeps its own position (a sequence number) and reads what follows it when its
 * consumer asks for more, so a slow consumer falls behind without losing anything and without
 * events piling up in memory: at most one batch per subscription is held.
 */
export class ChangeFeed {
  private readonly followers = new Set<Follower>();
  /** The highest head seen; every change up to it is committed (the head moves in the change's own transaction). */
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    readonly intervalMs: number,
  ) {
    if (!Number.isInteger(intervalMs) || intervalMs < 1) throw new Error(`The change feed's poll interval must be a whole number of milliseconds, at least 1; got ${intervalMs}`);
  }

  /** Subscriptions open right now. */
  get open(): number {
    return this.followers.size;
  }

  /** Whether the poller is running (it runs only while a subscription is open). */
  get isPolling(): boolean {
    return this.timer !== undefined || this.polling;
  }

  /**
   * The changes after `after` (a sequence number; the feed's head now when null), oldest first,
   * matching `filter`, as they are committed. The iterator ends when its `return` is called (the
   * client unsubscribed or went away) or the feed stops.
   */
  async follow(after: number | null, filter: FeedFilter): Promise<AsyncIterableIterator<Change>> {
    if (this.stopped) return ended();
    let from = after;
    if (from === null) {
      from = await changeService.head(this.db);
      this.head = Math.max(this.head, from);
    }
    // From a cursor the backlog is read at once; from the head, only once the head moves.
    const follower = new Follower(this, this.db, from, filter, after !== null);
    this.followers.add(follower);
    this.schedule();
    return follower;
  }

  /** Ends every subscription and the poller; later subscriptions end at once. */
  stop(): void {
    this.stopped = true;
    for (const follower of [...this.followers]) follower.end();
    this.cancel();
  }

  /** @internal The highest head seen so far. */
  get knownHead(): number {
    return this.head;
  }

  /** @internal A follower that ended leaves; the last one to leave stops the poller. */
  leave(follower: Follower): void {
    this.followers.delete(follower);
    if (this.followers.size === 0) this.cancel();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The next poll, unless one is due or running, or nobody is listening. */
  private schedule(): void {
    if (this.timer || this.polling || this.stopped || this.followers.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
    // An idle poller must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    this.polling = true;
    try {
      this.head = Math.max(this.head, await changeService.head(this.db));
    } catch {
      // Neo4j is away; the next poll asks again, and the followers wait where they are.
    } finally {
      this.polling = false;
    }
    for (const follower of this.followers) follower.poked();
    this.schedule();
  }
}

/** An iterator that has ended already: what a subscription gets from a stopped feed. */
function ended(): AsyncIterableIterator<Change> {
  const done = async (): Promise<IteratorResult<Change>> => ({ done: true, value: undefined });
  return { next: done, return: done, [Symbol.asyncIterator]() { return this; } };
}

/**
 * One subscription's place in the feed. Written as an iterator by hand rather than an async
 * generator: a generator waiting for the next change cannot be ended by `return()` until that
 * change comes, and a closed socket must free its subscription (and maybe the poller) at once.
 */
class Follower implements AsyncIterableIterator<Change> {
  private batch: Change[] = [];
  /** Set when the last read failed: the follower retries at the next poll, moved or not. */
  private failed = false;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly db: Database,
    /** The sequence number of the last change read (or passed over by the filter). */
    private position: number,
    private readonly filter: FeedFilter,
    /** Whether the feed may hold changes after `position` that this follower has not read. */
    private behind: boolean,
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<Change> {
    return this;
  }

  async next(): Promise<IteratorResult<Change>> {
    while (!this.ended) {
      const change = this.batch.shift();
      if (change) return { done: false, value: change };
      if (this.behind && !this.failed) await this.read();
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<Change>> {
    this.end();
    return { done: true, value: undefined };
  }

  /** Ends the iteration: a `next` waiting for changes answers done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.batch = [];
    this.feed.leave(this);
    this.wake?.();
  }

  /** Called after every poll: wakes the follower if the head passed it, or if its last read failed. */
  poked(): void {
    if (this.feed.knownHead > this.position || this.failed) {
      this.behind = true;
      this.failed = false;
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    }
  }

  private async read(): Promise<void> {
    // Every change up to this head was committed before the read starts, so the read sees it.
    const head = this.feed.knownHead;
    try {
      const changes = await changeService.after(this.db, this.position, FOLLOW_BATCH, this.filter);
      if (this.ended) return;
      this.batch = changes;
      if (changes.length === FOLLOW_BATCH) {
        this.position = changes[changes.length - 1].sequence;
      } else {
        // A short batch holds every match up to `head`: what the filter left out need not be read again.
        this.position = Math.max(changes[changes.length - 1]?.sequence ?? 0, this.position, head);
        this.behind = this.feed.knownHead > this.position;
      }
    } catch {
      // Neo4j is away or slow; the position stands, and the next poll tries again.
      this.failed = true;
    }
  }
}
