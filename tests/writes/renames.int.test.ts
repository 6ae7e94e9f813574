import { ApiKeyStore } from '../../src/auth/api-keys';
import { post } from '../http/support';
import { startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';
import { SeedIds, seedIds } from '../support/seed-ids';

/**
 * Old slugs keep leading to a renamed entity, whichever kind and whichever order its writes store
 * the new slug and the redirect in (writes/redirects.ts, `redirectSlug`); renamed back, an entity
 * takes its old slug again.
 */
let api: TestApi;
let ids: SeedIds;
let editor: string;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
  ids = await seedIds(api.db);
  editor = (await new ApiKeyStore(api.db).create('renames-editor', 'EDITOR')).secret;
});
afterAll(() => api.close());

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { body } = await post(api, { query, variables }, 'application/json', { authorization: `Bearer ${editor}` });
  expect(body.errors).toBeUndefined();
  return body.data;
}

it('a renamed film answers to its old slug', async () => {
  const id = ids.id('Film', 'bullet-train-2022');
  const { updateFilm } = await ok(`mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { slug } userErrors { field } } }`, { input: { id, title: 'Bullet Express' } });
  expect(updateFilm).toEqual({ film: { slug: 'bullet-express-2022' }, userErrors: [] });
  expect((await ok(`{ film(slug: "bullet-train-2022") { id slug } }`)).film).toEqual({ id, slug: 'bullet-express-2022' });
});

it('a renamed person answers to their old slug', async () => {
  const id = ids.id('Person', 'len-wiseman');
  await ok(`mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { field } } }`, { input: { id, name: 'Leonard Wiseman' } });
  expect((await ok(`{ person(slug: "len-wiseman") { id slug } }`)).person).toEqual({ id, slug: 'leonard-wiseman' });
});

it('a franchise renamed back takes its old slug again, and the slug it had between still leads to it', async () => {
  const id = ids.id('Franchise', 'die-hard');
  const rename = (name: string) => ok(`mutation ($input: UpdateFranchiseInput!) { updateFranchise(input: $input) { franchise { slug } } }`, { input: { id, name } });
  expect((await rename('Yippee Ki-Yay')).updateFranchise.franchise.slug).toBe('yippee-ki-yay');
  expect((await rename('Die Hard')).updateFranchise.franchise.slug).toBe('die-hard');
  expect((await ok(`{ franchise(slug: "yippee-ki-yay") { slug } }`)).franchise).toEqual({ slug: 'die-hard' });
  // Its own slug is no redirect of its own: a new franchise named so would get die-hard-2, and nothing else names die-hard.
  const redirects = await api.db.read<{ slug: string }>(`MATCH (r:SlugRedirect {label: 'Franchise'}) WHERE r.to = $id RETURN r.slug AS slug`, { id });
  expect(redirects.map((r) => r.slug)).toEqual(['yippee-ki-yay']);
});
