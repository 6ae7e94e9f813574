import neo4j, { Driver, ManagedTransaction, Neo4jError, Session } from 'neo4j-driver';
import { compactCypher } from './compact';
import { mapNeo4jError } from './errors';
import { toParams, toPlain } from './values';

/**
 * Retries ride out a leader switch in a cluster; past a few seconds a user is better served by a
 * clear SERVICE_UNAVAILABLE than by a request that hangs for the driver's default 30 s.
 */
const MAX_RETRY_MS = 5_000;

// `object`, so interfaces without an index signature can name a row's shape.
export type Row = object;
export type Params = Record<string, unknown>;

export type StatementWatcher = (cypher: string, params: Params) => void;

export interface TxOptions {
  /** Transaction timeout; the database aborts the work past it. */
  timeoutMs?: number;
}

/** A unit of work inside one transaction: run any number of statements, get plain rows back. */
export interface Tx {
  run<R extends Row = Row>(cypher: string, params?: Params): Promise<R[]>;
}

/**
 * The only owner of the driver. Reads go through executeRead (routed to readers in a cluster),
 * writes through executeWrite (retried by the driver on transient failures, so every write is
 * written to be safe to repeat), each with a timeout, and Neo4j's failures become DatabaseErrors.
 */
export class Database {
  /** Counts statements sent; tests use it to show batching keeps the count flat. */
  statementCount = 0;
  private readonly watchers = new Set<StatementWatcher>();

  constructor(
    private readonly driver: Driver,
    private readonly databaseName: string | undefined,
    private readonly defaultTimeoutMs: number,
  ) {}

  static connect(uri: string, user: string, password: string, databaseName: string | undefined, defaultTimeoutMs: number) {
    const auth = password ? neo4j.auth.basic(user, password) : undefined;
    const driver = neo4j.driver(uri, auth, {
      maxConnectionPoolSize: 100,
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: MAX_RETRY_MS,
      userAgent: 'reelgraph/0.1',
    });
    return new Database(driver, databaseName, defaultTimeoutMs);
  }

  /**
   * One read statement in an auto-commit transaction: the RUN and PULL go out in one write and
   * come back in one round trip, where a managed transaction adds a BEGIN and a COMMIT round trip.
   * Almost every request is one statement, so this is most of a request's Bolt traffic. The
   * driver retries only managed transactions, so transient failures are retried here the same way.
   */
  async read<R extends Row = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<R[]> {
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
    const giveUpAt = Date.now() + MAX_RETRY_MS;
    for (let attempt = 0; ; attempt += 1) {
      const session = this.open('READ');
      try {
        this.sent(cypher, params);
        const result = await withoutCallSite(() => session.run(compactCypher(cypher), toParams(params), { timeout }));
        return result.records.map((record) => toPlain(record.toObject()) as R);
      } catch (error: unknown) {
        const delay = Math.min(100 * 2 ** attempt, 1_000) * (0.8 + 0.4 * Math.random());
        if (!(error instanceof Neo4jError && Neo4jError.isRetryable(error)) || Date.now() + delay > giveUpAt) throw mapNeo4jError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        await session.close();
      }
    }
  }

  write<R extends Row = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<R[]> {
    return this.writeTx((tx) => tx.run<R>(cypher, params), options);
  }

  readTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withSession('READ', (session) =>
      session.executeRead((tx) => work(this.wrap(tx)), { timeout: options.timeoutMs ?? this.defaultTimeoutMs }),
    );
  }

  writeTx<T>(work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work(this.wrap(tx)), { timeout: options.timeoutMs ?? this.defaultTimeoutMs * 6 }),
    );
  }

  /** Schema statements (constraints, indexes) must run in auto-commit transactions of their own. */
  async schemaWrite(cypher: string): Promise<void> {
    await this.withSession('WRITE', async (session) => {
      this.sent(cypher, {});
      await session.run(cypher);
    });
  }

  /** Whether Neo4j answers now; used by /health. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.getServerInfo({ database: this.databaseName });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Calls `watcher` with every statement sent from now on, as written and with its parameters as
   * given; returns the function that stops it. The Cypher-pinning tests read statements this way.
   */
  watch(watcher: StatementWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private sent(cypher: string, params: Params): void {
    this.statementCount += 1;
    for (const watcher of this.watchers) watcher(cypher, params);
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <R extends Row>(cypher: string, params: Params = {}) => {
        this.sent(cypher, params);
        const result = await withoutCallSite(() => tx.run(compactCypher(cypher), toParams(params)));
        return result.records.map((record) => toPlain(record.toObject()) as R);
      },
    };
  }

  private open(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.databaseName,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.open(mode);
    try {
      return await work(session);
    } catch (error: unknown) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
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
