import { Database } from '../../src/db/database';
import { startApp } from '../../src/server/app';
import { answerOf, spread, Target } from './compare';
import { CpuBuckets, profileCpu } from './cpu-profile';
import { Params, Workload } from './workloads';

export interface ReelgraphProfile {
  workload: string;
  /** Cypher statements Reelgraph sends per HTTP request (the other two servers send one). */
  statementsPerRequest: number;
  /** Share of CPU (percent) by package or folder, over sequential requests, the client's own share left out. */
  cpu: CpuBuckets;
  requests: number;
}

/**
 * Profile hints the load numbers cannot give, from an in-process Reelgraph (production settings) on
 * the bench's database: how many Cypher statements one request costs (each a Bolt round trip at
 * least), counted through Database.statementCount; and where
 * the CPU goes while requests run one after another, by package (graphql, type-graphql,
 * neo4j-driver, …) or by our own folder.
 */
export async function profileReelgraph(db: Database, list: Workload[], params: Record<string, Params[]>, seconds = 3): Promise<ReelgraphProfile[]> {
  const app = await startApp(db, { port: 0, production: true, maxQueryDepth: 12, maxQueryCost: 50_000 }, '127.0.0.1');
  const target: Target = { name: 'reelgraph', url: app.url };
  try {
    const out: ReelgraphProfile[] = [];
    for (const workload of list) {
      if (!workload.request('reelgraph', params[workload.id][0], 0, null)) continue;
      const sets = spread(params[workload.id], 200);
      let requests = 0;
      const before = db.statementCount;
      const cpu = await profileCpu(async () => {
        const until = Date.now() + seconds * 1000;
        for (let i = 0; i < sets.length && (i < 5 || Date.now() < until); i += 1) {
          await answerOf(target, workload, sets[i]);
          requests += workload.steps;
        }
      });
      delete cpu.client;
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      const shares = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round((1000 * v) / Math.max(total, 0.1)) / 10]));
      out.push({ workload: workload.id, statementsPerRequest: (db.statementCount - before) / requests, cpu: shares, requests });
    }
    return out;
  } finally {
    await app.stop();
  }
}
