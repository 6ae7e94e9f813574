// Builds Reelgraph Explorer into web/dist, but only when its sources changed since the last build:
// `npm start` and `npm test` call this every time, and an unchanged app must cost them nothing.
// `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.dirname(webDir);
const distDir = path.join(webDir, 'dist');
const stampFile = path.join(distDir, '.source-hash');

/** Every file that shapes the bundle: the app's sources and the locked versions of its libraries. */
function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(webDir, 'src'));
  walk(path.join(webDir, 'public'));
  for (const file of ['index.html', 'vite.config.ts', 'tsconfig.json']) files.push(path.join(webDir, file));
  files.push(path.join(rootDir, 'package-lock.json'));
  return files.sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    // The name counts as well as the bytes, so a rename or a move rebuilds too.
    hash.update(path.relative(rootDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const built = fs.existsSync(path.join(distDir, 'index.html')) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
if (built === wanted && !process.argv.includes('--force')) process.exit(0);

console.log('Building Reelgraph Explorer (web/ changed since the last build)…');
const bin = (name) => path.join(rootDir, 'node_modules', '.bin', name);
// Vite only strips types; the type check is what keeps the app's TypeScript strict.
for (const [name, args] of [
  ['tsc', ['-p', path.join(webDir, 'tsconfig.json')]],
  ['vite', ['build', '--config', path.join(webDir, 'vite.config.ts'), '--logLevel', 'warn']],
]) {
  const run = spawnSync(bin(name), args, { cwd: rootDir, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${name} failed while building web/ (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
}
fs.writeFileSync(stampFile, `${wanted}\n`);
