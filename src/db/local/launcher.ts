import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../config';

/**
 * Starts (or finds) the local embedded Neo4j: the Maven project in neo4j-local/ wraps the
 * official DBMS with its Bolt connector. The JVM watches its stdin, so when this process dies
 * the pipe closes and Neo4j shuts down cleanly: no orphan holds the store lock.
 */
export interface LocalNeo4j {
  uri: string;
  /** True when an instance started by another command on the same data folder was reused. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  dataDir: string;
  port?: number;
  pageCache?: string;
  log?: (line: string) => void;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-local');

/** The classpath of the local Neo4j's JVM (and of Neo4j's own tools, which its dependencies hold). */
export function launcherClasspath(): string {
  return [path.join(LAUNCHER_DIR, 'target', 'classes'), path.join(LAUNCHER_DIR, 'target', 'lib', '*')].join(path.delimiter);
}

/** Builds neo4j-local/ when needed (see buildLauncher), for a command that runs Neo4j's tools without starting it. */
export async function ensureLauncherBuilt(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  requireTool('java', ['-version'], 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  await buildLauncher(log);
}
const INFO_FILE = 'reelgraph-neo4j.json';
const START_TIMEOUT_MS = 180_000;

interface InfoFile {
  pid: number;
  boltUri: string;
  port: number;
}

export class LocalNeo4jError extends Error {}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const running = await findRunning(options.dataDir);
  if (running) {
    log(`Using the local Neo4j already running on this data folder at ${running.boltUri}`);
    return { uri: running.boltUri, reused: true, stop: async () => {} };
  }
  requireTool('java', ['-version'], 'a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)');
  await buildLauncher(log);
  return launch(options, log);
}

/** An instance is reused only when its pid lives and its Bolt port answers. */
async function findRunning(dataDir: string): Promise<InfoFile | undefined> {
  let info: InfoFile;
  try {
    info = JSON.parse(fs.readFileSync(path.join(dataDir, INFO_FILE), 'utf8')) as InfoFile;
  } catch {
    return undefined;
  }
  try {
    process.kill(info.pid, 0);
  } catch {
    return undefined;
  }
  return (await portAnswers(info.port)) ? info : undefined;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function requireTool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { stdio: 'ignore' });
  if (probe.error) {
    throw new LocalNeo4jError(
      `The local Neo4j needs ${command}, which was not found: install ${what}, or set NEO4J_URI to use another Neo4j.`,
    );
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((child) => path.join(p, child))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

/** Maven runs only when the launcher was never built or its sources changed since. */
async function buildLauncher(log: (line: string) => void): Promise<void> {
  const stamp = path.join(LAUNCHER_DIR, 'target', 'neo4j-local-1.0.0.jar');
  const libDir = path.join(LAUNCHER_DIR, 'target', 'lib');
  const sources = [path.join(LAUNCHER_DIR, 'pom.xml'), path.join(LAUNCHER_DIR, 'src')];
  if (fs.existsSync(stamp) && fs.existsSync(libDir) && fs.statSync(stamp).mtimeMs >= newestMtime(sources)) {
    return;
  }
  requireTool('mvn', ['-v'], 'Apache Maven 3.6 or newer (Debian: apt-get install maven)');
  log('Building the local Neo4j launcher; the first time, Maven resolves Neo4j 5.26 from Maven Central (about 120 MB)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-DskipTests', 'package'], { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let downloads = 0;
    const tail: string[] = [];
    const lines = readline.createInterface({ input: mvn.stdout! });
    lines.on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (/Downloaded from/.test(line)) {
        downloads += 1;
        if (downloads % 25 === 0) log(`  … ${downloads} artifacts downloaded`);
      }
    });
    mvn.stderr!.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
    mvn.on('error', reject);
    mvn.on('close', (code) => {
      if (code === 0) {
        log(`Local Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s (${downloads} artifacts downloaded).`);
        resolve();
      } else {
        reject(new LocalNeo4jError(`Maven could not build neo4j-local/ (exit ${code}):\n${tail.join('\n')}`));
      }
    });
  });
}

function launch(options: LocalNeo4jOptions, log: (line: string) => void): Promise<LocalNeo4j> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const classpath = launcherClasspath();
  const args = [
    '-Xms256m',
    '-Xmx2g',
    '-XX:+UseG1GC',
    '-cp',
    classpath,
    'dev.reelgraph.neo4j.LocalNeo4j',
    '--data',
    options.dataDir,
    '--port',
    String(options.port ?? 7687),
    '--pagecache',
    options.pageCache ?? '512m',
  ];
  const started = Date.now();
  // A process group of its own: Ctrl-C in a terminal reaches our handlers, which finish the work
  // in flight and then stop Neo4j, instead of killing Neo4j under a running batch. The stdin pipe
  // still stops it if we die.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const logFile = fs.createWriteStream(path.join(options.dataDir, 'neo4j-local.log'), { flags: 'a' });
  child.stderr!.pipe(logFile);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`The local Neo4j did not answer within ${START_TIMEOUT_MS / 1000} s; see ${logFile.path}`));
    }, START_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const ready = /^READY (\S+)/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      const uri = ready[1];
      log(`Local Neo4j 5.26 listening at ${uri} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s), data in ${options.dataDir}`);
      resolve({ uri, reused: false, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new LocalNeo4jError(
          `The local Neo4j exited (code ${code}) before it was ready; is another Neo4j using ${options.dataDir}? See ${logFile.path}`,
        ),
      );
    });
  });
}

/** Closing stdin asks the JVM to shut Neo4j down cleanly; SIGKILL only if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.stdin!.end();
  });
}
