import { ServerName } from './servers/spawn';
import { Capabilities, Params, Workload } from './workloads';

/**
 * Correctness before speed: the same requests go to every server, each answer is normalised to the
 * common shape (src/bench/workloads.ts) and compared with Reelgraph's (with the raw server's where
 * Reelgraph cannot run the workload). The first difference stops the run with the path to it and
 * both values. An answer carrying GraphQL errors is a failure too.
 */

export interface Target {
  name: ServerName;
  /** The server's endpoint: Reelgraph's and @neo4j/graphql's GraphQL URL, the raw server's root. */
  url: string;
}

export const SERVER_LABEL: Record<ServerName, string> = { reelgraph: 'Reelgraph', 'neo4j-graphql': '@neo4j/graphql', raw: 'raw Cypher' };

export class CorrectnessError extends Error {}

export interface WorkloadCheck {
  workload: string;
  compared: number;
  /** Answers that were not null or empty: a check of nothing but nulls proves little. */
  nonEmpty: number;
  servers: ServerName[];
}

export async function postJson(url: string, body: string): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}

/** Runs one parameter set on one server (all its steps) and returns the normalised answers, or null when n/a. */
export async function answerOf(target: Target, workload: Workload, params: Params): Promise<unknown[] | null> {
  const answers: unknown[] = [];
  let previous: unknown = null;
  for (let step = 0; step < workload.steps; step += 1) {
    const request = workload.request(target.name, params, step, previous);
    if (!request) return null;
    const json = await postJson(target.url + request.path, request.body);
    if (json.errors) {
      throw new CorrectnessError(
        `${workload.id} ${workload.title}: ${SERVER_LABEL[target.name]} answered errors for ${JSON.stringify(params)}: ${JSON.stringify(json.errors).slice(0, 1500)}`,
      );
    }
    answers.push(workload.normalise(target.name, json.data));
    previous = json;
  }
  return answers;
}

/** Spread over the list, not its first items: every `length / count`-th parameter set. */
export function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

export async function checkWorkload(targets: Target[], workload: Workload, params: Params[], sample: number): Promise<WorkloadCheck> {
  let nonEmpty = 0;
  const servers = new Set<ServerName>();
  const chosen = spread(params, sample);
  for (const set of chosen) {
    const answers: { target: Target; answer: unknown[] }[] = [];
    for (const target of targets) {
      const answer = await answerOf(target, workload, set);
      if (answer) {
        answers.push({ target, answer });
        servers.add(target.name);
      }
    }
    // A run of Reelgraph alone (--servers reelgraph, as at a million films) has nothing to compare with.
    if (answers.length < 2 && targets.length > 1) {
      throw new CorrectnessError(`${workload.id} ${workload.title}: fewer than two servers can answer it, nothing to compare`);
    }
    const [reference, ...others] = answers;
    if (!isEmpty(reference.answer)) nonEmpty += 1;
    for (const other of others) {
      const difference = firstDifference(reference.answer, other.answer, '');
      if (difference) {
        throw new CorrectnessError(
          [
            `${workload.id} ${workload.title}: ${SERVER_LABEL[other.target.name]} differs from ${SERVER_LABEL[reference.target.name]} for ${JSON.stringify(set)}`,
            `  at answer${difference.path || ' (whole)'}:`,
            `    ${SERVER_LABEL[reference.target.name]}: ${clip(difference.left)}`,
            `    ${SERVER_LABEL[other.target.name]}: ${clip(difference.right)}`,
            `  ${SERVER_LABEL[reference.target.name]} (normalised): ${clip(reference.answer, 2000)}`,
            `  ${SERVER_LABEL[other.target.name]} (normalised): ${clip(other.answer, 2000)}`,
          ].join('\n'),
        );
      }
    }
  }
  return { workload: workload.id, compared: chosen.length, nonEmpty, servers: [...servers] };
}

export async function checkAll(
  targets: Target[],
  list: Workload[],
  params: Record<string, Params[]>,
  sample: number,
  log: (line: string) => void = () => {},
): Promise<WorkloadCheck[]> {
  const results: WorkloadCheck[] = [];
  for (const workload of list) {
    const result = await checkWorkload(targets, workload, params[workload.id], sample);
    log(
      `  ${workload.id} ${workload.title}: ${result.compared} parameter sets agree across ${result.servers.map((s) => SERVER_LABEL[s]).join(', ')} (${result.nonEmpty} non-empty)`,
    );
    results.push(result);
  }
  return results;
}

/** Reads what the running Reelgraph offers beyond the core contract. */
export async function capabilitiesOf(reelgraphUrl: string): Promise<Capabilities> {
  const json = await postJson(
    reelgraphUrl,
    JSON.stringify({ query: '{ q: __type(name: "Query") { fields { name } } f: __type(name: "Film") { fields { name } } fr: __type(name: "Franchise") { fields { name } } }' }),
  );
  const has = (type: string, field: string) => (json.data?.[type]?.fields ?? []).some((f: { name: string }) => f.name === field);
  return { shortestPath: has('q', 'shortestPath'), related: has('f', 'related'), franchisePeople: has('fr', 'people') };
}

function isEmpty(answer: unknown[]): boolean {
  return answer.every((a) => a === null || (Array.isArray(a) && a.length === 0));
}

function clip(value: unknown, max = 400): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The first place two normalised answers differ, as a path like `[0].cast[2][4]`. */
export function firstDifference(left: unknown, right: unknown, path: string): { path: string; left: unknown; right: unknown } | null {
  if (Object.is(left, right)) return null;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
      if (i >= left.length || i >= right.length) return { path: `${path}[${i}]`, left: left[i], right: right[i] };
      const inner = firstDifference(left[i], right[i], `${path}[${i}]`);
      if (inner) return inner;
    }
    return null;
  }
  if (left && right && typeof left === 'object' && typeof right === 'object' && !Array.isArray(left) && !Array.isArray(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) {
      const inner = firstDifference((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], `${path}.${key}`);
      if (inner) return inner;
    }
    return null;
  }
  return { path, left, right };
}
