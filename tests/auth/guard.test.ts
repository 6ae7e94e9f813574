import { requireRole } from '../../src/auth/guard';
import { Viewer } from '../../src/auth/viewer';

/** requireRole, the first call of every mutation, on contexts whose viewer is given. */
function contextOf(viewer: Viewer) {
  return { viewer: async () => viewer };
}

async function codeOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
    return 'allowed';
  } catch (error) {
    return { code: (error as { extensions?: { code?: string } }).extensions?.code, message: (error as Error).message };
  }
}

describe('requireRole', () => {
  const editorKey: Viewer = { name: 'desk', role: 'EDITOR', via: 'key' };

  it('answers the viewer when its role is the one needed or above', async () => {
    await expect(requireRole(contextOf(editorKey), 'EDITOR')).resolves.toEqual(editorKey);
    await expect(requireRole(contextOf({ name: 'root', role: 'ADMIN', via: 'jwt' }), 'EDITOR')).resolves.toMatchObject({ role: 'ADMIN' });
  });

  it('is FORBIDDEN for a role too low, naming both roles and the key', async () => {
    expect(await codeOf(requireRole(contextOf({ name: 'x', role: 'READER', via: 'key' }), 'EDITOR'))).toEqual({
      code: 'FORBIDDEN',
      message: "This needs the EDITOR role; the key 'x' has READER",
    });
    expect(await codeOf(requireRole(contextOf(editorKey), 'ADMIN'))).toMatchObject({ code: 'FORBIDDEN', message: "This needs the ADMIN role; the key 'desk' has EDITOR" });
  });

  it('is UNAUTHENTICATED without credentials, even though an anonymous request is a READER', async () => {
    expect(await codeOf(requireRole(contextOf({ name: null, role: 'READER', via: 'anonymous' }), 'EDITOR'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('passes on the UNAUTHENTICATED error of bad credentials', async () => {
    const failing = { viewer: () => Promise.reject(Object.assign(new Error('The API key is unknown or revoked'), { extensions: { code: 'UNAUTHENTICATED' } })) };
    expect(await codeOf(requireRole(failing, 'EDITOR'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
