import neo4j, { Driver, ManagedTransaction, Neo4jError, Session } from 'neo4j-driver';
import { compactCypher } from './compact';
import { DatabaseError, mapNeo4jError } from './errors';
import { Health } from './health';
import { toParams, toPlain } from './values';

/**
 * Retries ride out a transient failure (a deadlock, a leader switch in a cluster); past a few
 * seconds a user is better served by a clear error than by a request that hangs. Neo4j being
 * unreachable is not retried: it marks the database down (see Health) and fails at once.
 */
const MAX_RETRY_MS = 5_000;

// `object`, so interfaces without an index signature can name a row's shape.
export type Row = object;
export type Params = Record<string, unknown>;

export type StatementWatcher = (cypher: string, params: Params) => void;

/** What watchers of the database's work are told, for metrics. */
export interface DatabaseObserver {
  /** A statement finished (`ok`) or failed, after `seconds`. */
  statement?(seconds: number, ok: boolean): void;
  /** A unit of work was refused at once because Neo4j is known to be down. */
  failedFast?(): void;
}

export interface TxOptions {
  /** Transaction timeout; the database aborts the work past it (and past the view's deadline). */
  timeoutMs?: number;
}

/** A unit of work inside one transaction: run any number of statements, get plain rows back. */
export interface Tx {
  run<R extends Row = Row>(cypher: string, params?: Params): Promise<R[]>;
}

/** What every view of one Database shares. */
class Shared {
  statements = 0;
  openSessions = 0;
  readonly watchers = new Set<StatementWatcher>();
  readonly observers = new Set<DatabaseObserver>();
  constructor(readonly health: Health) {}
}

/**
 * The only owner of the driver. Reads go through auto-commit reads or executeRead (routed to
 * readers in a cluster), writes through executeWrite, each with a timeout, retried here on
 * transient failures (so every write is written to be safe to repeat); Neo4j's failures become
 * DatabaseErrors. A request works through a view made by `until`, which ends every statement's
 * timeout at the request's deadline.
 */
export class Database {
  private constructor(
    private readonly driver: Driver,
    private readonly databaseName: string | undefined,
    private readonly defaultTimeoutMs: number,
    private readonly shared: Shared,
    /** Epoch ms past which this view sends nothing; undefined for no deadline. */
    private readonly deadline?: number,
    /** Statements sent through this view (a request's own count). */
    private readonly sentHere = { count: 0 },
  ) {}

  static connect(uri: string, user: string, password: string, databaseName: string | undefined, defaultTimeoutMs: number) {
    const auth = password ? neo4j.auth.basic(user, password) : undefined;
    const driver = neo4j.driver(uri, auth, {
      maxConnectionPoolSize: 100,
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: 5_000,
      // Retries are this class's (withRetries), one policy for auto-commit and managed work.
      maxTransactionRetryTime: 0,
      userAgent: 'reelgraph/0.1',
    });
    // Twice: the first ping after an outage may draw a dead connection from the pool.
    const health = new Health(async () => (await pingDriver(driver, databaseName)) || pingDriver(driver, databaseName));
    return new Database(driver, databaseName, defaultTimeoutMs, new Shared(health));
  }

  /** Statements sent through every view; tests use it to show batching keeps the count flat. */
  get statementCount(): number {
    return this.shared.statements;
  }

  /** Statements sent through this view: a request's own count, for its log line. */
  get statementsSentHere(): number {
    return this.sentHere.count;
  }

  /** Sessions open right now, across views: the part of the pool in use. */
  get sessionsInUse(): number {
    return this.shared.openSessions;
  }

  /** Whether Neo4j is known to be down (requests fail fast while the background probe waits for it). */
  get knownDown(): boolean {
    return this.shared.health.down;
  }

  /** A view of this database whose statements all end by `deadline` (epoch ms): one request's budget. */
  until(deadline: number): Database {
    return new Database(this.driver, this.databaseName, this.defaultTimeoutMs, this.shared, deadline, { count: 0 });
  }

  /**
   * One read statement in an auto-commit transaction: the RUN and PULL go out in one write and
   * come back in one round trip, where a managed transaction adds a BEGIN and a COMMIT round trip.
   * Almost every request is one statement, so this is most of a request's Bolt traffic.
   */
  read<R extends Row = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<R[]> {
    return this.withRetries('READ', async (session) => {
      const timeout = this.timeoutOf(options.timeoutMs ?? this.defaultTimeoutMs);
      const result = await this.timed(cypher, params, () => session.run(compactCypher(cypher), toParams(params), { timeout }));
      return result.records.map((record) => toPlain(record.toObject()) as R);
    });
  }

  write<R extends Row = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<R[]> {
    return this.writeTx((tx) => tx.run<R>(cypher, params), options);
  }

  readTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withRetries('READ', (session) =>
      session.executeRead((tx) => work(this.wrap(tx)), { timeout: this.timeoutOf(options.timeoutMs ?? this.defaultTimeoutMs) }),
    );
  }

  writeTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withRetries('WRITE', (session) =>
      session.executeWrite((tx) => work(this.wrap(tx)), { timeout: this.timeoutOf(options.timeoutMs ?? this.defaultTimeoutMs * 6) }),
    );
  }

  /** Schema statements (constraints, indexes) must run in auto-commit transactions of their own. */
  async schemaWrite(cypher: string): Promise<void> {
    await this.withRetries('WRITE', (session) => this.timed(cypher, {}, () => session.run(cypher)));
  }

  /** Whether Neo4j answers now; used by /health. */
  ping(): Promise<boolean> {
    return pingDriver(this.driver, this.databaseName);
  }

  async close(): Promise<void> {
    this.shared.health.stop();
    await this.driver.close();
  }

  /**
   * Calls `watcher` with every statement sent from now on, as written and with its parameters as
   * given; returns the function that stops it. The Cypher-pinning tests read statements this way.
   */
  watch(watcher: StatementWatcher): () => void {
    this.shared.watchers.add(watcher);
    return () => this.shared.watchers.delete(watcher);
  }

  /** Tells `observer` of every statement's time and of every refusal while Neo4j is down. */
  observe(observer: DatabaseObserver): () => void {
    this.shared.observers.add(observer);
    return () => this.shared.observers.delete(observer);
  }

  /**
   * Runs `work` in a session of its own, again after a transient failure while time allows.
   * While Neo4j is known down, work is refused at once; the first failure that says so marks it
   * down, and the background probe marks it up again.
   */
  private async withRetries<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + MAX_RETRY_MS;
    for (let attempt = 0; ; attempt += 1) {
      if (this.shared.health.down) {
        for (const observer of this.shared.observers) observer.failedFast?.();
        throw new DatabaseError('unavailable', 'The graph database cannot be reached right now; try again shortly.');
      }
      const session = this.open(mode);
      try {
        return await work(session);
      } catch (error: unknown) {
        const mapped = mapNeo4jError(error);
        if (mapped instanceof DatabaseError && mapped.kind === 'unavailable') {
          // A connection the pool kept from before an outage fails at once; a fresh one may not,
          // so the first such failure is tried again straight away before Neo4j is called down.
          if (attempt === 0) continue;
          this.shared.health.markDown();
          throw mapped;
        }
        const delay = Math.min(100 * 2 ** attempt, 1_000) * (0.8 + 0.4 * Math.random());
        const retryable = error instanceof Neo4jError && Neo4jError.isRetryable(error);
        if (!retryable || Date.now() + delay > Math.min(giveUpAt, this.deadline ?? Infinity)) throw mapped;
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        this.shared.openSessions -= 1;
        // Closing over a connection Neo4j just dropped rejects with that drop; thrown from here it
        // would replace the mapped error (or the answer already read), so it is left unsaid.
        await session.close().catch(() => undefined);
      }
    }
  }

  /** A statement's timeout: what it asks for, cut to what is left of the view's deadline. */
  private timeoutOf(requestedMs: number): number {
    if (this.deadline === undefined) return requestedMs;
    const left = this.deadline - Date.now();
    if (left <= 0) throw new DatabaseError('timeout', 'The request ran out of time before all its queries could run; narrow it and try again.');
    return Math.min(requestedMs, left);
  }

  private async timed<T>(cypher: string, params: Params, run: () => Promise<T>): Promise<T> {
    this.shared.statements += 1;
    this.sentHere.count += 1;
    for (const watcher of this.shared.watchers) watcher(cypher, params);
    const started = process.hrtime.bigint();
    let ok = false;
    try {
      const result = await withoutCallSite(run);
      ok = true;
      return result;
    } finally {
      if (this.shared.observers.size > 0) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        for (const observer of this.shared.observers) observer.statement?.(seconds, ok);
      }
    }
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <R extends Row>(cypher: string, params: Params = {}) => {
        const result = await this.timed(cypher, params, () => tx.run(compactCypher(cypher), toParams(params)));
        return result.records.map((record) => toPlain(record.toObject()) as R);
      },
    };
  }

  private open(mode: 'READ' | 'WRITE'): Session {
    this.shared.openSessions += 1;
    return this.driver.session({
      database: this.databaseName,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }
}

async function pingDriver(driver: Driver, databaseName: string | undefined): Promise<boolean> {
  try {
    await driver.getServerInfo({ database: databaseName });
    return true;
  } catch {
    return false;
  }
}

/**
 * The driver records the JavaScript call site of every statement, by formatting a stack trace, to
 * append to its errors; that was about 4% of the server's CPU on a one-statement request. Errors
 * reach users through mapNeo4jError, which never shows it, so the trace is made empty.
 */
function withoutCallSite<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
