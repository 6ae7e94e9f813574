import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Random, randomFrom } from '../../bench/src/random';
import { buildReelgraphSchema } from '../../src/schema/build';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';
import { GRAPHQL_RESPONSE, JSON_TYPE, post } from './support';

/**
 * A seeded fuzzer: queries valid against the schema (random fields, arguments, aliases,
 * fragments, variables) and broken ones (truncated, wrong types, huge numbers, odd Unicode, not
 * JSON at all). Whatever comes in, no answer is a 5xx or an INTERNAL_SERVER_ERROR, none runs past
 * the request's deadline, and memory stays bounded.
 */
jest.setTimeout(300_000);

const REQUESTS = 5_000;
const CLIENTS = 8;
const DEADLINE_MS = 3_000;
const SEED = 20261201;

let api: TestApi;
const ids: string[] = [];

beforeAll(async () => {
  api = await startTestApi({ http: { rateLimitPerMinute: 0, requestDeadlineMs: DEADLINE_MS } });
  await resetToSeed(api.db);
  const data = dataOf(await api.query('{ search(query: "john", first: 30) { entity { id } } films(first: 10) { nodes { id } } }'));
  ids.push(...data.search.map((hit: any) => hit.entity.id), ...data.films.nodes.map((film: any) => film.id));
});
afterAll(() => api.close());

const ODD_TEXT = ['', 'ballerina-2025', 'len-wiseman', 'john-wick', 'keanu', 'skarsgård', 'x'.repeat(250), '\u0000', '\ud800', '\u202egnp.exe', '🎬🎥', 'ǅ', '"quoted"', 'a\\b', '%00', 'DROP'];
const ODD_NUMBERS = [0, 1, 2, 5, 20, 100, 101, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.5, NaN];

/** The heap after a full collection, so two readings compare what is kept, not what is garbage. */
function heapInUse(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

class QueryMaker {
  private variables: Record<string, unknown> = {};
  private declarations: string[] = [];
  private fragments: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A value of `type` as GraphQL source text, now and then a variable instead. */
  private value(type: GraphQLInputType, depth = 0): string {
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (this.chance(0.15) && depth === 0) {
      const name = `v${this.declarations.length}`;
      this.declarations.push(`$${name}: ${String(type)}`);
      this.variables[name] = this.jsonValue(type);
      return `$${name}`;
    }
    if (isListType(type)) return `[${Array.from({ length: Math.floor(this.random() * 3) }, () => this.value(type.ofType, depth + 1)).join(', ')}]`;
    if (isEnumType(type)) return this.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || this.chance(0.4));
      return `{${fields.map((field) => `${field.name}: ${this.value(field.type, depth + 1)}`).join(', ')}}`;
    }
    const raw = this.jsonValue(type);
    return typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
  }

  /** A value of `type` as JSON, for variables. */
  private jsonValue(type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return this.jsonValue(type.ofType);
    if (isListType(type)) return Array.from({ length: Math.floor(this.random() * 3) }, () => this.jsonValue(type.ofType));
    if (isEnumType(type)) return this.pick(type.getValues()).name;
    if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).filter(() => this.chance(0.5)).map((f) => [f.name, this.jsonValue(f.type)]));
    const name = getNamedType(type).name;
    if (name === 'Int') return this.pick(ODD_NUMBERS.filter((n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31));
    if (name === 'Float') return this.pick(ODD_NUMBERS.filter(Number.isFinite));
    if (name === 'Boolean') return this.chance(0.5);
    if (name === 'ID') return this.chance(0.8) && ids.length > 0 ? this.pick(ids) : this.pick(['film_nothing', 'nonsense', '']);
    if (name === 'Date') return this.pick(['2025-06-06', '1999-02-30', 'today']);
    return this.pick(ODD_TEXT);
  }

  private args(args: readonly GraphQLArgument[]): string {
    const chosen = args.filter((arg) => isNonNullType(arg.type) || this.chance(0.5));
    return chosen.length ? `(${chosen.map((arg) => `${arg.name}: ${this.value(arg.type)}`).join(', ')})` : '';
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (isScalarType(type) || isEnumType(type)) return '';
    if (depth > 3) return '{ __typename }';
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
      const count = 1 + Math.floor(this.random() * 3);
      for (let i = 0; i < count; i += 1) {
        const field = this.pick(fields);
        const alias = this.chance(0.2) ? `a${Math.floor(this.random() * 1000)}: ` : '';
        parts.push(`${alias}${field.name}${this.args(field.args)} ${this.selection(getNamedType(field.type), depth + 1)}`);
      }
    }
    if (isInterfaceType(type) || isUnionType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const target = this.pick(possible);
      if (this.chance(0.3)) {
        const name = `F${this.fragments.length}`;
        this.fragments.push(`fragment ${name} on ${target.name} ${this.selection(target, depth + 1) || '{ __typename }'}`);
        parts.push(`...${name}`);
      } else {
        parts.push(`... on ${target.name} ${this.selection(target, depth + 1) || '{ __typename }'}`);
      }
    }
    return `{ ${parts.join(' ') || '__typename'} }`;
  }

  /** A valid request: a random root field (or two) with arguments and a random selection. */
  make(): { query: string; variables: Record<string, unknown> } {
    this.variables = {};
    this.declarations = [];
    this.fragments = [];
    const roots = Object.values(this.schema.getQueryType()!.getFields());
    const body = Array.from({ length: 1 + Math.floor(this.random() * 2) }, (_, i) => {
      const field = this.pick(roots);
      return `r${i}: ${field.name}${this.args(field.args)} ${this.selection(getNamedType(field.type), 1)}`;
    }).join(' ');
    const header = this.declarations.length ? `query Fuzz(${this.declarations.join(', ')})` : 'query Fuzz';
    return { query: [`${header} { ${body} }`, ...this.fragments].join('\n'), variables: this.variables };
  }
}

/** A request made broken in one of the ways clients break them. */
function broken(random: Random, valid: { query: string; variables: Record<string, unknown> }): unknown {
  const ways = [
    () => ({ query: valid.query.slice(0, Math.floor(random() * valid.query.length)), variables: valid.variables }),
    () => ({ query: valid.query.replace(/\d+/, '"not a number"'), variables: valid.variables }),
    () => ({ query: valid.query, variables: Object.fromEntries(Object.keys(valid.variables).map((k) => [k, { nested: [1e308] }])) }),
    () => ({ query: valid.query.replace(/first: \d+/, `first: ${'9'.repeat(40)}`) }),
    () => ({ query: `{ search(query: ${JSON.stringify(ODD_TEXT[Math.floor(random() * ODD_TEXT.length)].repeat(20))}) { score } }` }),
    () => ({ query: valid.query.replace('{', '{ nosuchfield ') }),
    () => ({ query: 42 }),
    () => ({ variables: valid.variables }),
    () => 'this is not json {',
    () => ({ query: valid.query, operationName: 'Nope' }),
    () => ({ query: `{ ${'film(slug: "x") { '.repeat(30)}title${' }'.repeat(30)} }` }),
    () => ({ query: `\ud800{ __typename }` }),
  ];
  return ways[Math.floor(random() * ways.length)]();
}

it(`answers ${REQUESTS} random and broken requests without a 5xx, an internal error or a missed deadline`, async () => {
  const schema = buildReelgraphSchema();
  const random = randomFrom(SEED);
  const maker = new QueryMaker(schema, random);
  const requests = Array.from({ length: REQUESTS }, () => {
    const valid = maker.make();
    return { payload: random() < 0.3 ? broken(random, valid) : valid, accept: random() < 0.5 ? JSON_TYPE : GRAPHQL_RESPONSE };
  });

  const failures: string[] = [];
  let heapAfterWarmUp = 0;
  const statuses = new Map<number, number>();
  let slowest = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < requests.length) {
        if (next === 1_000 && heapAfterWarmUp === 0) heapAfterWarmUp = heapInUse();
        const { payload, accept } = requests[next++];
        const answer = await post(api, payload, accept);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        slowest = Math.max(slowest, answer.ms);
        const codes = ((answer.body?.errors ?? []) as any[]).map((error) => error?.extensions?.code);
        if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || answer.ms > DEADLINE_MS + 1_000) {
          if (failures.length < 5) failures.push(`${answer.status} in ${answer.ms} ms for ${JSON.stringify(payload).slice(0, 300)}: ${JSON.stringify(answer.body).slice(0, 300)}`);
          else failures.push('…');
        }
      }
    }),
  );
  // From the first thousand requests (caches filled, code compiled) to the last, what stays in use.
  const heapGrowth = (heapInUse() - heapAfterWarmUp) / 2 ** 20;
  process.stderr.write(
    `[fuzz] ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, slowest ${slowest} ms, heap ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(0)} MiB\n`,
  );
  expect(failures).toEqual([]);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
  // Both valid answers and client errors occur: the generator reaches past the parser.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 2);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  // Apollo keeps parsed documents in an LRU of about 30 MiB, which thousands of distinct queries fill.
  expect(heapGrowth).toBeLessThan(64);
});
