import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { printReelgraphSchema } from '../../src/schema/build';
import { PROJECT_ROOT } from '../../src/config';
import { startTestApi } from '../support/api';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'contract');
const CHECK = path.join(SHARED, 'check.mjs');
const haveContract = fs.existsSync(CHECK);

describe('schema/schema.graphql', () => {
  it('is what the code builds (run `npm run schema` after changing a type)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printReelgraphSchema());
  });
});

/** The public contract lives beside the project in ../shared; a clone without it skips these. */
(haveContract ? describe : describe.skip)('the public contract (../shared/contract)', () => {
  const contractFiles = () => fs.readdirSync(SHARED).filter((f) => f.endsWith('.graphql')).sort().map((f) => path.join(SHARED, f));
  // The writes contract sits in next/ and is checked by naming it, with the files it extends.
  const withWrites = () => [...contractFiles(), path.join(SHARED, 'next', '3-writes.graphql')];

  it.each([['1-core.graphql'], ['all contract files'], ['all contract files and next/3-writes.graphql']])('holds for the checked-in SDL: %s', (which) => {
    const files = which === 'all contract files' ? contractFiles() : which.includes('3-writes') ? withWrites() : [path.join(SHARED, which)];
    const out = execFileSync(process.execPath, [CHECK, '--sdl', SCHEMA_FILE, ...files], { encoding: 'utf8' });
    expect(out).toMatch(/^contract: ok/);
  });

  it('holds for the running server, writes included', async () => {
    const api = await startTestApi();
    try {
      const out = await new Promise<string>((resolve, reject) => {
        // Asynchronous: the check calls back into this process's server.
        require('node:child_process').execFile(process.execPath, [CHECK, '--url', api.app.url, ...withWrites()], (error: Error | null, stdout: string, stderr: string) =>
          error ? reject(new Error(`${stdout}${stderr}`)) : resolve(stdout),
        );
      });
      expect(out).toMatch(/^contract: ok/);
    } finally {
      await api.close();
    }
  });
});

if (!haveContract) {
  it('skips the contract check: ../shared/contract is not beside this clone', () => {
    console.warn(`Contract check skipped: ${CHECK} not found (CI always has ../shared).`);
  });
}

describe('the schema as GraphiQL and code generators show it', () => {
  it('describes every type, field, argument, enum value and input field (graphql-schema-linter)', () => {
    const linter = path.join(PROJECT_ROOT, 'node_modules', 'graphql-schema-linter', 'lib', 'cli.js');
    const rules = [
      'types-have-descriptions',
      'fields-have-descriptions',
      'arguments-have-descriptions',
      'enum-values-have-descriptions',
      'input-object-values-have-descriptions',
      'descriptions-are-capitalized',
    ];
    const out = execFileSync(process.execPath, [linter, '--rules', rules.join(','), '--format', 'json', path.join(PROJECT_ROOT, 'schema', 'schema.graphql')], {
      encoding: 'utf8',
    });
    const errors = (JSON.parse(out).errors as { message: string }[]).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  it('says how a Date is written (@specifiedBy), so code generators can type it', () => {
    const sdl = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(sdl).toMatch(/scalar Date @specifiedBy\(url: "https:\/\/www\.rfc-editor\.org\/rfc\/rfc3339#section-5\.6"\)/);
  });
});
