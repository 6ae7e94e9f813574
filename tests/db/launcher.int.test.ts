import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { startLocalNeo4j } from '../../src/db/local/launcher';

/** Child processes run the compiled launcher (npm test builds dist/ first). */
const LOAD_LAUNCHER = `require(${JSON.stringify(path.resolve(__dirname, '../../dist/db/local/launcher.js'))})`;
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'reelgraph-launcher-'));
const infoFile = (dir: string) => path.join(dir, 'reelgraph-neo4j.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('the local Neo4j launcher', () => {
  it('reuses the instance already running on a data folder instead of starting a second', async () => {
    const dir = tempDir();
    const first = await startLocalNeo4j({ dataDir: dir, port: 0, log: () => {} });
    try {
      expect(first.reused).toBe(false);
      const second = await startLocalNeo4j({ dataDir: dir, port: 0, log: () => {} });
      expect(second).toMatchObject({ reused: true, uri: first.uri });
      await second.stop(); // stopping a borrowed instance leaves it running
      const db = Database.connect(first.uri, 'neo4j', '', undefined, 10_000);
      expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      await db.close();
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(infoFile(dir))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no JVM behind when its parent is killed outright', async () => {
    const dir = tempDir();
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `${LOAD_LAUNCHER}.startLocalNeo4j({ dataDir: ${JSON.stringify(dir)}, port: 0, log: () => {} })
          .then((n) => console.log('UP ' + n.uri));
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      parent.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('UP ') && resolve());
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    const { pid } = JSON.parse(fs.readFileSync(infoFile(dir), 'utf8')) as { pid: number };
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await waitUntil(() => !alive(pid), 30_000)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line what to install when Java is missing', () => {
    // A child process with an empty PATH: Jest's process.env is a sandbox copy that spawn ignores.
    const result = spawnSync(process.execPath, ['-e', `${LOAD_LAUNCHER}.startLocalNeo4j({ dataDir: ${JSON.stringify(tempDir())}, log: () => {} })
        .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toMatch(/^The local Neo4j needs java, which was not found: install a JDK 17 or newer .* or set NEO4J_URI to use another Neo4j\.$/);
  });
});
