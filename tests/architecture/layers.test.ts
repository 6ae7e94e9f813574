import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/**
 * The layer rules of .dependency-cruiser.cjs (and ARCHITECTURE.md) hold over src/. A broken rule
 * fails here with the rule's name, its explanation and the import that breaks it.
 */
describe('the layers of src/', () => {
  it('only look down, and the product imports no dev dependency, benchmark or test', () => {
    const cli = path.join(PROJECT_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    let report = '';
    let failed = false;
    try {
      report = execFileSync(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
    } catch (error) {
      failed = true;
      report = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(failed ? report : '').toBe('');
    expect(report).toMatch(/no dependency violations found \((\d{3,}) modules/);
  });
});

describe('the production build', () => {
  it('requires only node built-ins and the dependencies the image installs', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const { builtinModules } = require('node:module') as typeof import('node:module');
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const installed = new Set(Object.keys(manifest.dependencies));
    const dist = path.join(PROJECT_ROOT, 'dist');
    const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(50);
    const outside: string[] = [];
    for (const file of files) {
      const code = fs.readFileSync(path.join(dist, file), 'utf8');
      for (const [, specifier] of code.matchAll(/require\("([^".][^"]*)"\)/g)) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!installed.has(name) && !builtinModules.includes(name.replace(/^node:/, ''))) outside.push(`${file} requires ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
    expect(files.some((file) => file.includes('bench'))).toBe(false);
  });
});
