import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../../src/config';

export type ServerName = 'reelgraph' | 'neo4j-graphql' | 'raw';
export const SERVER_NAMES: ServerName[] = ['reelgraph', 'neo4j-graphql', 'raw'];

export interface ServerProcess {
  name: ServerName;
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one server as a child process on a free loopback port: Reelgraph as users run it
 * (dist/server/main.js, NODE_ENV=production), the others from the benchmarks' own build
 * (dist-bench/bench/src/servers/main.js). The
 * child's output is kept for the error message should it die before it is ready.
 */
export function startServerProcess(name: ServerName, neo4jUri: string): Promise<ServerProcess> {
  const script =
    name === 'reelgraph'
      ? [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')]
      : [path.join(PROJECT_ROOT, 'dist-bench', 'bench', 'src', 'servers', 'main.js'), name];
  const child = spawn(process.execPath, script, {
    env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: neo4jUri, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 50) output.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  const ready = /^READY (\S+)|serving GraphQL at (\S+)/;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 120 s:\n${output.join('\n')}`));
    }, 120_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      const match = ready.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ name, pid: child.pid!, url: match[1] ?? match[2], stop: () => stopChild(child) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
