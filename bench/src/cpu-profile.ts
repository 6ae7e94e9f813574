import { Session } from 'node:inspector/promises';

/** Where CPU time went, by the package or project folder of the function that spent it. */
export type CpuBuckets = Record<string, number>;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  hitCount?: number;
  children?: number[];
}

/**
 * Self time of `work` by bucket (graphql, type-graphql, neo4j-driver, our src folders, node's own
 * http, GC), in percent of the samples taken in this process. The caller's own client code (the
 * fetch that sends the requests) is counted as "client" so it can be left out.
 */
export async function profileCpu(work: () => Promise<void>): Promise<CpuBuckets> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
    const counts: CpuBuckets = {};
    let total = 0;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (hits === 0) continue;
      // Built-ins (JSON.parse, RegExp, …) and Node's own helpers count for the code that called them.
      let owner = node;
      while (isBorrowed(owner) && parent.has(owner.id) && byId.get(parent.get(owner.id)!)!.callFrame.url) owner = byId.get(parent.get(owner.id)!)!;
      if (isBorrowed(owner) && parent.has(owner.id)) {
        let up = byId.get(parent.get(owner.id)!);
        while (up && !up.callFrame.url && parent.has(up.id)) up = byId.get(parent.get(up.id)!);
        if (up?.callFrame.url) owner = up;
      }
      const bucket = bucketOf(owner.callFrame.url, owner.callFrame.functionName);
      if (bucket === 'idle') continue;
      counts[bucket] = (counts[bucket] ?? 0) + hits;
      total += hits;
    }
    return Object.fromEntries(
      Object.entries(counts)
        .map(([bucket, hits]) => [bucket, Math.round((1000 * hits) / Math.max(total, 1)) / 10] as const)
        .sort((a, b) => b[1] - a[1]),
    );
  } finally {
    session.disconnect();
  }
}

/** Frames whose time belongs to their caller: built-ins without a script, node's helpers, and socket writes (Bolt's or HTTP's). */
function isBorrowed(node: ProfileNode): boolean {
  const { url, functionName } = node.callFrame;
  if (!url) return !functionName.startsWith('(');
  return ['node:internal/errors', 'node:internal/util', 'node:buffer', 'node:internal/stream_base_commons', 'node:net'].some((prefix) => url.startsWith(prefix));
}

function bucketOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8 (program)';
    return 'native';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('undici') || url.includes('/bench/compare.') || url.includes('/bench/profile.') || url.includes('/bench/workloads.')) return 'client';
  const own = /\/(?:dist|src)\/([^/]+)\//.exec(url);
  if (own) return `reelgraph ${own[1]}/`;
  if (url.startsWith('node:')) return `node ${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  return 'other';
}
