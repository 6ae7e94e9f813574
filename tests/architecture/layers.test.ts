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
