import { BenchReport, renderScaling } from '../src/report';
import { RunResult } from '../src/loadtest';
import { workloads } from '../src/workloads';

const list = workloads({ franchisePeople: true, shortestPath: true, related: true });

function report(films: number, runs: Partial<RunResult>[]): BenchReport {
  return { films, startedAt: '2026-11-26T00:00:00.000Z', runs: runs.map((r) => ({ server: 'reelgraph', ...r }) as RunResult) } as BenchReport;
}

it('reports how much Reelgraph latency grows from the smallest graph to the largest', () => {
  const table = renderScaling(
    [
      report(10_000, [{ workload: 'W1', connections: 1, rps: 500, p50: 2 }, { workload: 'W1', connections: 8, rps: 900, p50: 8 }]),
      report(200_000, [{ workload: 'W1', connections: 1, rps: 400, p50: 2 }, { workload: 'W1', connections: 8, rps: 800, p50: 10 }]),
    ],
    list,
  )!;
  // 1000/500 = 2.00 ms at 10k, 1000/400 = 2.50 ms at 200k: 1.25× at one connection, 10/8 at eight.
  expect(table).toContain('| W1 film page | 2.00 | 2.50 | 1.25× | 8 | 10 | 1.25× |');
  expect(table).not.toContain('W2');
});

it('has nothing to say with a single graph size', () => {
  expect(renderScaling([report(10_000, [])], list)).toBeNull();
});
