import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Database } from '../../db/database';

/** Operation names come from clients: only this many distinct ones get a label of their own. */
const MAX_OPERATION_LABELS = 200;
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * What /metrics shows, in Prometheus's text format: requests by operation and outcome, their
 * latency, each Neo4j statement's latency, the sessions in use, and how many requests were
 * rate-limited or refused at once while Neo4j was down; plus Node's own process metrics. One
 * registry per app, so several apps in one process (the tests) keep their counts apart.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly latency: Histogram<'operation'>;
  private readonly statements: Histogram<'outcome'>;
  private readonly rateLimited: Counter;
  private readonly failedFast: Counter;
  private readonly operations = new Set<string>();
  private readonly stopObserving: () => void;

  constructor(db: Database) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'reelgraph_http_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, or the first error code).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'reelgraph_http_request_duration_seconds',
      help: 'Time from a GraphQL request arriving to its answer being sent.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.statements = new Histogram({
      name: 'reelgraph_neo4j_statement_duration_seconds',
      help: 'Time Neo4j took for one Cypher statement, by outcome (ok, error).',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rateLimited = new Counter({ name: 'reelgraph_rate_limited_total', help: 'Requests answered 429: the client had spent its cost budget.', registers });
    this.failedFast = new Counter({
      name: 'reelgraph_neo4j_failed_fast_total',
      help: 'Units of database work refused at once because Neo4j was known to be down.',
      registers,
    });
    new Gauge({
      name: 'reelgraph_neo4j_sessions_in_use',
      help: 'Neo4j sessions open right now (the part of the connection pool in use).',
      registers,
      collect() {
        this.set(db.sessionsInUse);
      },
    });
    new Gauge({
      name: 'reelgraph_neo4j_up',
      help: '1 while Neo4j answers, 0 while it is known to be down.',
      registers,
      collect() {
        this.set(db.knownDown ? 0 : 1);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'reelgraph_' });
    this.stopObserving = db.observe({
      statement: (seconds, ok) => this.statements.observe({ outcome: ok ? 'ok' : 'error' }, seconds),
      failedFast: () => this.failedFast.inc(),
    });
  }

  request(operation: string | undefined, outcome: string, seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, outcome });
    this.latency.observe({ operation: label }, seconds);
    if (outcome === 'RATE_LIMITED') this.rateLimited.inc();
  }

  close(): void {
    this.stopObserving();
  }

  private operationLabel(operation: string | undefined): string {
    if (!operation) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operation)) return 'other';
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(operation);
    return operation;
  }
}
