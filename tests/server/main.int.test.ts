import { spawn } from 'node:child_process';
import path from 'node:path';
import { resetToSeed, testDatabase } from '../support/neo4j';

/** npm start's process, as a user runs it: serves, answers, and stops cleanly on Ctrl-C. */
it('serves the API and exits 0 on SIGINT after finishing', async () => {
  const db = testDatabase();
  await resetToSeed(db);
  await db.close();
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server/main.js')], {
    env: { ...process.env, NEO4J_URI: process.env.REELGRAPH_TEST_NEO4J_URI, PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving GraphQL at (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ film(slug: "ballerina-2025") { title } }' }),
  });
  expect(await response.json()).toEqual({ data: { film: { title: 'Ballerina' } }, extensions: { cost: { requested: 2, limit: 50_000 } } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(output).toMatch(/SIGINT: finishing requests in flight, then stopping/);
});
