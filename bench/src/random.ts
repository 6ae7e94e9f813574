/**
 * A small seeded generator (mulberry32) for the generated datasets of tests and benchmarks: the same
 * seed gives the same sequence on every machine, with no dependency.
 */
export type Random = () => number;

export function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A seed for entity `index` of stream `stream`: entities get their own sequences, so they need not be made in order. */
export function seedOf(base: number, stream: number, index: number): number {
  let h = Math.imul(base ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function shuffleInPlace<T>(random: Random, items: T[] | Int32Array): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/** `count` distinct indexes below `limit`, in the order drawn. */
export function sampleIndexes(random: Random, limit: number, count: number): number[] {
  const chosen = new Set<number>();
  const out: number[] = [];
  const wanted = Math.min(count, limit);
  while (out.length < wanted) {
    const i = Math.floor(random() * limit);
    if (!chosen.has(i)) {
      chosen.add(i);
      out.push(i);
    }
  }
  return out;
}
