import fs from 'node:fs';
import { LocalNeo4j } from '../../src/db/local/launcher';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__reelgraphNeo4j as { local: LocalNeo4j; dataDir: string } | undefined;
  if (!started) return;
  await started.local.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
