import { credentialsPlugin } from '../../src/auth/plugin';
import { ANONYMOUS, Viewer } from '../../src/auth/viewer';
import { DatabaseError } from '../../src/db/errors';

/** The plugin's check on its own: what it throws for each viewer, before anything runs. */
async function check(publicRead: boolean, viewer: () => Promise<Viewer>): Promise<unknown> {
  const listener: any = await (credentialsPlugin({ publicRead }) as any).requestDidStart({});
  try {
    await listener.didResolveOperation({ contextValue: { viewer } });
    return 'runs';
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
}

describe('credentialsPlugin', () => {
  it('lets an anonymous request run while reads are public, and stops it when they are not', async () => {
    expect(await check(true, async () => ANONYMOUS)).toBe('runs');
    expect(await check(false, async () => ANONYMOUS)).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect(await check(false, async () => ({ name: 'k', role: 'READER', via: 'key' }))).toBe('runs');
  });

  it('answers a key that could not be read while Neo4j is down as SERVICE_UNAVAILABLE, not a 500', async () => {
    const down = () => Promise.reject(new DatabaseError('unavailable', 'The graph database cannot be reached right now; try again shortly.'));
    expect(await check(true, down)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 200 } });
  });
});
