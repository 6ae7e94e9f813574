import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config';

// No Docker engine runs where the tests do, so these read the files as Docker would and check what
// they declare.

type Env = Record<string, string>;

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Env | string[];
  ports?: (string | number | { target: number; published?: number | string })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test: string | string[]; interval?: string; retries?: number };
  depends_on?: string[] | Record<string, { condition?: string }>;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const neo4j = compose.services.neo4j;
const api = compose.services.api;

/** Compose accepts a map or a list of KEY=VALUE; values are compared as strings either way. */
function environment(service: Service): Env {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

/** `published:target` for each mapping, from either the short or the long syntax. */
function ports(service: Service): string[] {
  return (service.ports ?? []).map((port) =>
    typeof port === 'object' ? `${port.published ?? ''}:${port.target}` : String(port).replace(/\/tcp$/, ''),
  );
}

/** Compose's own interpolation for the forms this file may use: $$, ${VAR}, ${VAR:-default}. */
function interpolate(value: string, env: Env): string {
  return value.replace(/\$\$|\$\{(\w+)(?::-([^}]*))?\}/g, (match, name?: string, fallback?: string) => {
    if (match === '$$') return '$';
    const set = env[name!];
    return set !== undefined && set !== '' ? set : (fallback ?? '');
  });
}

describe('docker-compose.yml', () => {
  it('runs exactly Neo4j and the API', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j']);
  });

  describe('neo4j', () => {
    it('is the Community edition of Neo4j 5.26, the version the code is written for', () => {
      expect(neo4j.image).toBe('neo4j:5.26-community');
    });

    it('sets the neo4j password from NEO4J_PASSWORD, with a development default', () => {
      const auth = environment(neo4j).NEO4J_AUTH;
      expect(auth).toBe('neo4j/${NEO4J_PASSWORD:-reelgraph-dev}');
      expect(interpolate(auth, {})).toBe('neo4j/reelgraph-dev');
      expect(interpolate(auth, { NEO4J_PASSWORD: 'a-real-secret' })).toBe('neo4j/a-real-secret');
    });

    it('passes the image no NEO4J_* variable that Neo4j would reject as an unknown setting', () => {
      // The image's entrypoint keeps these for itself; any other NEO4J_x_y becomes setting x.y, and
      // settings are lower case (NEO4J_PASSWORD would become "PASSWORD" and stop the server).
      const controls = ['NEO4J_AUTH', 'NEO4J_AUTH_PATH', 'NEO4J_PLUGINS', 'NEO4J_DEBUG', 'NEO4J_ACCEPT_LICENSE_AGREEMENT'];
      const settings = Object.keys(environment(neo4j)).filter((key) => key.startsWith('NEO4J_') && !controls.includes(key));
      expect(settings.filter((key) => !/^NEO4J_[a-z][a-z0-9_]*$/.test(key))).toEqual([]);
    });

    it('publishes the HTTP and Bolt ports', () => {
      expect(ports(neo4j)).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
    });

    it('keeps /data on a named volume declared at the top level', () => {
      const data = (neo4j.volumes ?? [])
        .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
        .find((v) => v.target === '/data');
      expect(data).toBeDefined();
      expect(data!.source).toBe('neo4j-data');
      expect(Object.keys(compose.volumes ?? {})).toContain('neo4j-data');
    });

    it('is healthy only once cypher-shell can log in, with credentials the container really has', () => {
      const test = neo4j.healthcheck?.test;
      expect(Array.isArray(test) ? test[0] : undefined).toBe('CMD-SHELL');
      const command = (test as string[]).slice(1).join(' ');
      expect(command).toMatch(/^cypher-shell -u neo4j -p .+ 'RETURN 1'/);
      // $$ keeps Compose from expanding the variable on the host; the container's shell expands it.
      const containerVariables = [...command.matchAll(/\$\$\{?(\w+)/g)].map((m) => m[1]);
      expect(containerVariables.length).toBeGreaterThan(0);
      for (const name of containerVariables) expect(Object.keys(environment(neo4j))).toContain(name);
      // The password argument, expanded by a real shell in the environment the container gets,
      // must be the password Neo4j was given.
      const passwordArg = /-p ("[^"]*"|\S+)/.exec(interpolate(command, {}))![1];
      const containerEnv = Object.fromEntries(
        Object.entries(environment(neo4j)).map(([key, value]) => [key, interpolate(value, { NEO4J_PASSWORD: 'a-real-secret' })]),
      );
      const expanded = execFileSync('sh', ['-c', `printf %s ${passwordArg}`], { env: containerEnv, encoding: 'utf8' });
      expect(expanded).toBe('a-real-secret');
      expect(neo4j.healthcheck?.retries).toBeGreaterThan(0);
    });
  });

  describe('api', () => {
    it('is built from the Dockerfile at the project root', () => {
      const build = typeof api.build === 'string' ? { context: api.build } : api.build;
      expect(build?.context).toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    });

    it('starts only after Neo4j reports healthy', () => {
      expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    });

    it('reaches the neo4j service over Bolt with the same password Neo4j was given', () => {
      const env = environment(api);
      expect(env).toEqual({
        NEO4J_URI: 'neo4j://neo4j:7687',
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: '${NEO4J_PASSWORD:-reelgraph-dev}',
        NEO4J_DATABASE: 'neo4j',
        PORT: '4000',
      });
      const auth = environment(neo4j).NEO4J_AUTH;
      const hosts: Env[] = [{}, { NEO4J_PASSWORD: 'a-real-secret' }];
      for (const host of hosts) {
        expect(`neo4j/${interpolate(env.NEO4J_PASSWORD, host)}`).toBe(interpolate(auth, host));
        expect(interpolate(env.NEO4J_PASSWORD, host).length).toBeGreaterThanOrEqual(8);
      }
    });

    it('publishes the port the server listens on', () => {
      expect(ports(api)).toEqual(['4000:4000']);
      expect(ports(api)[0].split(':')[1]).toBe(environment(api).PORT);
    });
  });
});

/** One build stage: its FROM line and its instructions, continuation lines joined. */
interface Stage {
  from: string;
  name?: string;
  instructions: { keyword: string; args: string }[];
}

function dockerfileStages(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword) throw new Error(`unparsable Dockerfile line: ${line}`);
    if (keyword.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args)!;
      stages.push({ from: image, name, instructions: [] });
    } else {
      stages[stages.length - 1].instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

function argsOf(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** ENV accepts `KEY=value KEY2=value` and the legacy `KEY value`. */
function envOf(stage: Stage): Env {
  const env: Env = {};
  for (const args of argsOf(stage, 'ENV')) {
    if (!args.includes('=')) {
      const [key, ...rest] = args.split(' ');
      env[key] = rest.join(' ');
      continue;
    }
    for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[key] = value.replace(/^"|"$/g, '');
  }
  return env;
}

describe('Dockerfile', () => {
  const stages = dockerfileStages(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
  const build = stages[0];
  const runtime = stages[stages.length - 1];

  it('builds on node:20 with a clean install and the project build', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.from).toBe('node:20');
    const runs = argsOf(build, 'RUN');
    expect(runs.some((r) => /\bnpm ci\b(?!.*--omit)/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build\b/.test(r))).toBe(true);
  });

  it('runs on a slim Node 20 with production dependencies only', () => {
    expect(runtime.from).toMatch(/^node:20(\.\d+)*-(slim|alpine)/);
    const copies = argsOf(runtime, 'COPY');
    const modules = copies.find((c) => /node_modules/.test(c));
    expect(modules).toBeDefined();
    const source = /--from=(\S+)/.exec(modules!)?.[1];
    const depsStage = stages.find((s) => s.name === source);
    expect(depsStage).toBeDefined();
    expect(argsOf(depsStage!, 'RUN').some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(copies).toContain(`--from=${build.name} /app/dist ./dist`);
  });

  it('starts dist/server/main.js in production mode, not as root', () => {
    expect(envOf(runtime).NODE_ENV).toBe('production');
    expect(argsOf(runtime, 'CMD')).toEqual(['["node", "dist/server/main.js"]']);
    expect(argsOf(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(argsOf(runtime, 'USER')).toEqual(['node']);
  });

  it('ships the files the server reads at run time', () => {
    const copies = argsOf(runtime, 'COPY');
    expect(copies).toEqual(expect.arrayContaining(['schema ./schema', 'seeds ./seeds']));
  });

  it('exposes 4000 and checks /health there with Node’s fetch', () => {
    expect(argsOf(runtime, 'EXPOSE')).toEqual(['4000']);
    const [healthcheck] = argsOf(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*'\/health'/);
    expect(healthcheck).toContain('process.env.PORT || 4000');
    expect(envOf(runtime).PORT).toBe('4000');
  });
});

describe('.dockerignore', () => {
  it('keeps host builds, local databases and history out of the build context', () => {
    const entries = fs
      .readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', 'neo4j-data', 'neo4j-local/target', '.git']));
    // The image copies these, so they must stay in the context.
    for (const needed of ['src', 'schema', 'seeds', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
      expect(entries).not.toContain(needed);
    }
  });
});
