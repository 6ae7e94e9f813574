import { ApiKeyStore } from '../../src/auth/api-keys';
import { post } from '../http/support';
import { startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';
import { SeedIds, seedIds } from '../support/seed-ids';

/**
 * Franchises, characters and genres written over HTTP as a client does (EDITOR and ADMIN keys),
 * and checked the way a user would: on the franchise page, the film's cast, the genre's films and
 * the change feed. Each test starts from the seed (John Wick's five films, Ballerina among them
 * as a spin-off placed 4th in the story's timeline; Deadpool inside X-Men).
 */
let api: TestApi;
let ids: SeedIds;
let editor: string;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

beforeEach(async () => {
  await resetToSeed(api.db);
  ids = await seedIds(api.db);
  const keys = new ApiKeyStore(api.db);
  editor = (await keys.create('named-editor', 'EDITOR')).secret;
  admin = (await keys.create('named-admin', 'ADMIN')).secret;
});

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL request with the key `secret`; the answer's body. */
async function as(secret: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const answer = await post(api, { query, variables }, 'application/json', { authorization: `Bearer ${secret}` });
  return answer.body as Answer;
}

/** The data of an answer that must have no GraphQL errors. */
async function ok(secret: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await as(secret, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const read = (query: string, variables: Record<string, unknown> = {}) => ok(editor, query, variables);

const SET_ENTRY = `mutation ($input: SetFranchiseEntryInput!) {
  setFranchiseEntry(input: $input) {
    entry { kind chronologicalOrder releaseOrder film { slug } franchise { slug version } }
    userErrors { field code message }
  }
}`;

const TIMELINE = `query ($slug: String!) {
  franchise(slug: $slug) { version entries(order: CHRONOLOGICAL) { kind chronologicalOrder film { slug } } }
}`;

/** The franchise's films in the story's order, as "slug@order". */
async function timeline(slug = 'john-wick'): Promise<string[]> {
  const { franchise } = await read(TIMELINE, { slug });
  return franchise.entries.map((e: any) => `${e.film.slug}@${e.chronologicalOrder}`);
}

const SEED_TIMELINE = [
  'john-wick-2014@1',
  'john-wick-chapter-2-2017@2',
  'john-wick-chapter-3-parabellum-2019@3',
  'ballerina-2025@4',
  'john-wick-chapter-4-2023@5',
];

/** The feed's changes of these entity types, oldest first. */
async function changes(...entityTypes: string[]): Promise<any[]> {
  const { changes } = await read(
    `query ($types: [String!]) { changes(first: 100, entityTypes: $types) { nodes { operation entityType entityId actor fields { field before after } } } }`,
    { types: entityTypes },
  );
  return changes.nodes;
}

/** Every franchise entry and nesting link in the graph, to show a rejected write stored nothing. */
async function links(): Promise<string[]> {
  const rows = await api.db.read<{ link: string }>(
    `CALL () {
       MATCH (f:Film)-[e:IN_FRANCHISE]->(fr:Franchise) RETURN f.slug + ' in ' + fr.slug + ' as ' + e.kind + '@' + coalesce(toString(e.chronologicalOrder), '-') AS link
       UNION ALL
       MATCH (a:Franchise)-[:PART_OF]->(b:Franchise) RETURN a.slug + ' inside ' + b.slug AS link
       UNION ALL
       MATCH (c:Character)-[:FROM_FRANCHISE]->(fr:Franchise) RETURN c.slug + ' from ' + fr.slug AS link
       UNION ALL
       MATCH (n) WHERE n:Franchise OR n:Character OR n:Genre RETURN labels(n)[0] + ' ' + n.slug + ' v' + toString(n.version) AS link
     }
     RETURN link ORDER BY link`,
  );
  return rows.map((row) => row.link);
}

describe('setFranchiseEntry', () => {
  it("moves Ballerina to the start of John Wick's timeline, the others down one, and records every move", async () => {
    const { setFranchiseEntry } = await ok(editor, SET_ENTRY, {
      input: { franchise: ids.id('Franchise', 'john-wick'), film: ids.id('Film', 'ballerina-2025'), kind: 'SPIN_OFF', chronologicalOrder: 1 },
    });
    expect(setFranchiseEntry.userErrors).toEqual([]);
    expect(setFranchiseEntry.entry).toEqual({
      kind: 'SPIN_OFF',
      chronologicalOrder: 1,
      releaseOrder: 5,
      film: { slug: 'ballerina-2025' },
      franchise: { slug: 'john-wick', version: 2 },
    });
    expect(await timeline()).toEqual([
      'ballerina-2025@1',
      'john-wick-2014@2',
      'john-wick-chapter-2-2017@3',
      'john-wick-chapter-3-parabellum-2019@4',
      'john-wick-chapter-4-2023@5',
    ]);

    const [change] = (await changes('Franchise')).filter((c) => c.operation === 'UPDATE');
    expect(change).toMatchObject({ entityId: ids.id('Franchise', 'john-wick'), actor: 'named-editor' });
    const entry = (slug: string) => `entry:${ids.id('Film', slug)}`;
    expect(change.fields).toEqual([
      { field: entry('ballerina-2025'), before: { kind: 'SPIN_OFF', chronologicalOrder: 4 }, after: { kind: 'SPIN_OFF', chronologicalOrder: 1 } },
      { field: entry('john-wick-2014'), before: { kind: 'MAIN', chronologicalOrder: 1 }, after: { kind: 'MAIN', chronologicalOrder: 2 } },
      { field: entry('john-wick-chapter-2-2017'), before: { kind: 'MAIN', chronologicalOrder: 2 }, after: { kind: 'MAIN', chronologicalOrder: 3 } },
      { field: entry('john-wick-chapter-3-parabellum-2019'), before: { kind: 'MAIN', chronologicalOrder: 3 }, after: { kind: 'MAIN', chronologicalOrder: 4 } },
    ]);
  });

  it('moves an entry down, closing the gap it leaves; past the last it becomes the last', async () => {
    const { setFranchiseEntry } = await ok(editor, SET_ENTRY, {
      input: { franchise: ids.id('Franchise', 'john-wick'), film: ids.id('Film', 'john-wick-2014'), kind: 'MAIN', chronologicalOrder: 99 },
    });
    expect(setFranchiseEntry.entry.chronologicalOrder).toBe(5);
    expect(await timeline()).toEqual([
      'john-wick-chapter-2-2017@1',
      'john-wick-chapter-3-parabellum-2019@2',
      'ballerina-2025@3',
      'john-wick-chapter-4-2023@4',
      'john-wick-2014@5',
    ]);
  });

  it('files a new film at a place (the others move down), or with no place when none is given; a kind change keeps the place', async () => {
    const franchise = ids.id('Franchise', 'john-wick');
    const placed = await ok(editor, SET_ENTRY, { input: { franchise, film: ids.id('Film', 'atomic-blonde-2017'), kind: 'OTHER', chronologicalOrder: 2 } });
    expect(placed.setFranchiseEntry.entry).toMatchObject({ kind: 'OTHER', chronologicalOrder: 2, film: { slug: 'atomic-blonde-2017' } });
    const unplaced = await ok(editor, SET_ENTRY, { input: { franchise, film: ids.id('Film', 'bullet-train-2022'), kind: 'OTHER' } });
    expect(unplaced.setFranchiseEntry.entry).toMatchObject({ kind: 'OTHER', chronologicalOrder: null });
    const rekinded = await ok(editor, SET_ENTRY, { input: { franchise, film: ids.id('Film', 'ballerina-2025'), kind: 'MAIN' } });
    expect(rekinded.setFranchiseEntry.entry).toMatchObject({ kind: 'MAIN', chronologicalOrder: 5 });

    expect(await timeline()).toEqual([
      'john-wick-2014@1',
      'atomic-blonde-2017@2',
      'john-wick-chapter-2-2017@3',
      'john-wick-chapter-3-parabellum-2019@4',
      'ballerina-2025@5',
      'john-wick-chapter-4-2023@6',
      'bullet-train-2022@null',
    ]);
    const { film } = await read(`{ film(slug: "atomic-blonde-2017") { franchises { kind franchise { slug } } } }`);
    expect(film.franchises).toEqual([{ kind: 'OTHER', franchise: { slug: 'john-wick' } }]);
    // One film, one entry per franchise: setting it again changed it rather than adding a second.
    expect((await links()).filter((link) => link.startsWith('ballerina-2025 in '))).toEqual(['ballerina-2025 in john-wick as MAIN@5']);
  });

  it('keeps the timeline whole when many editors move entries at once (they queue on the franchise)', async () => {
    const franchise = ids.id('Franchise', 'john-wick');
    const films = SEED_TIMELINE.map((entry) => entry.split('@')[0]);
    const answers = await Promise.all(films.map((slug) => ok(editor, SET_ENTRY, { input: { franchise, film: ids.id('Film', slug), kind: 'MAIN', chronologicalOrder: 1 } })));
    answers.forEach((answer) => expect(answer.setFranchiseEntry.userErrors).toEqual([]));
    const orders = (await timeline()).map((entry) => Number(entry.split('@')[1]));
    expect(orders).toEqual([1, 2, 3, 4, 5]);
    expect((await read(TIMELINE, { slug: 'john-wick' })).franchise.version).toBe(6);
  });

  it('answers a bad input with user errors naming the field, and stores nothing', async () => {
    const before = await links();
    const franchise = ids.id('Franchise', 'john-wick');
    const unknownFilm = await ok(editor, SET_ENTRY, { input: { franchise, film: 'film_0000000000000000', kind: 'MAIN', chronologicalOrder: 1 } });
    expect(unknownFilm.setFranchiseEntry).toEqual({ entry: null, userErrors: [expect.objectContaining({ field: ['input', 'film'], code: 'NOT_FOUND' })] });
    const wrong = await ok(editor, SET_ENTRY, { input: { franchise: ids.id('Film', 'ballerina-2025'), film: ids.id('Film', 'ballerina-2025'), kind: 'MAIN', chronologicalOrder: 0 } });
    expect(wrong.setFranchiseEntry.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.franchise', 'INVALID'],
      ['input.chronologicalOrder', 'INVALID'],
    ]);
    expect(await links()).toEqual(before);
    expect(await timeline()).toEqual(SEED_TIMELINE);
    expect(await changes('Franchise')).toEqual([]);
  });

  it('needs credentials', async () => {
    const answer = await post(api, { query: SET_ENTRY, variables: { input: { franchise: ids.id('Franchise', 'john-wick'), film: ids.id('Film', 'ballerina-2025'), kind: 'MAIN' } } });
    expect(answer.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(await timeline()).toEqual(SEED_TIMELINE);
  });
});

describe('removeFranchiseEntry', () => {
  it('takes Ballerina out of John Wick, the later entries closing ranks (an EDITOR may: it corrects a link)', async () => {
    const { removeFranchiseEntry } = await ok(
      editor,
      `mutation ($input: RemoveFranchiseEntryInput!) { removeFranchiseEntry(input: $input) { franchise { slug version } userErrors { field code } } }`,
      { input: { franchise: ids.id('Franchise', 'john-wick'), film: ids.id('Film', 'ballerina-2025') } },
    );
    expect(removeFranchiseEntry).toEqual({ franchise: { slug: 'john-wick', version: 2 }, userErrors: [] });
    expect(await timeline()).toEqual(['john-wick-2014@1', 'john-wick-chapter-2-2017@2', 'john-wick-chapter-3-parabellum-2019@3', 'john-wick-chapter-4-2023@4']);
    const [change] = await changes('Franchise');
    expect(change.fields).toEqual([
      { field: `entry:${ids.id('Film', 'ballerina-2025')}`, before: { kind: 'SPIN_OFF', chronologicalOrder: 4 }, after: null },
      { field: `entry:${ids.id('Film', 'john-wick-chapter-4-2023')}`, before: { kind: 'MAIN', chronologicalOrder: 5 }, after: { kind: 'MAIN', chronologicalOrder: 4 } },
    ]);

    const again = await ok(editor, `mutation ($input: RemoveFranchiseEntryInput!) { removeFranchiseEntry(input: $input) { franchise { slug } userErrors { field code } } }`, {
      input: { franchise: ids.id('Franchise', 'john-wick'), film: ids.id('Film', 'ballerina-2025') },
    });
    expect(again.removeFranchiseEntry).toEqual({ franchise: null, userErrors: [{ field: ['input', 'film'], code: 'NOT_FOUND' }] });
  });
});

const FRANCHISE_FIELDS = 'id slug name description version createdAt updatedAt createdBy parent { slug } children { slug }';
const CREATE_FRANCHISE = `mutation ($input: CreateFranchiseInput!) { createFranchise(input: $input) { franchise { ${FRANCHISE_FIELDS} } userErrors { field code message } } }`;
const UPDATE_FRANCHISE = `mutation ($input: UpdateFranchiseInput!) { updateFranchise(input: $input) { franchise { ${FRANCHISE_FIELDS} } userErrors { field code message } } }`;
const DELETE = (what: string) => `mutation ($input: DeleteInput!) { delete${what}(input: $input) { deletedId userErrors { field code } } }`;

describe('franchises', () => {
  it('creates a franchise nested inside X-Men, seen among its children, with a version and timestamps', async () => {
    const { createFranchise } = await ok(editor, CREATE_FRANCHISE, { input: { name: 'Wolverine', description: 'Logan on his own.', parent: ids.id('Franchise', 'x-men') } });
    expect(createFranchise.userErrors).toEqual([]);
    expect(createFranchise.franchise).toMatchObject({ slug: 'wolverine', name: 'Wolverine', description: 'Logan on his own.', version: 1, createdBy: 'named-editor', parent: { slug: 'x-men' }, children: [] });
    expect(createFranchise.franchise.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(createFranchise.franchise.updatedAt).toBe(createFranchise.franchise.createdAt);
    const { franchise } = await read(`{ franchise(slug: "x-men") { children { slug } } }`);
    expect(franchise.children).toEqual([{ slug: 'deadpool' }, { slug: 'wolverine' }]);
    const [change] = await changes('Franchise');
    expect(change).toEqual({
      operation: 'CREATE',
      entityType: 'Franchise',
      entityId: createFranchise.franchise.id,
      actor: 'named-editor',
      fields: [
        { field: 'name', before: null, after: 'Wolverine' },
        { field: 'slug', before: null, after: 'wolverine' },
        { field: 'description', before: null, after: 'Logan on his own.' },
        { field: 'parent', before: null, after: ids.id('Franchise', 'x-men') },
      ],
    });
  });

  it('refuses to nest a franchise inside itself or one inside it (CONFLICT on input.parent), storing nothing', async () => {
    const before = await links();
    const xmen = ids.id('Franchise', 'x-men');
    const inChild = await ok(editor, UPDATE_FRANCHISE, { input: { id: xmen, parent: ids.id('Franchise', 'deadpool') } });
    expect(inChild.updateFranchise.franchise).toBeNull();
    expect(inChild.updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parent'], code: 'CONFLICT' })]);
    // Deeper: a grandchild is inside it too.
    const { createFranchise } = await ok(editor, CREATE_FRANCHISE, { input: { name: 'Deadpool & Wolverine', parent: ids.id('Franchise', 'deadpool') } });
    const linksWithGrandchild = await links();
    const inGrandchild = await ok(editor, UPDATE_FRANCHISE, { input: { id: xmen, parent: createFranchise.franchise.id } });
    expect(inGrandchild.updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parent'], code: 'CONFLICT' })]);
    const inItself = await ok(editor, UPDATE_FRANCHISE, { input: { id: xmen, parent: xmen } });
    expect(inItself.updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parent'], code: 'CONFLICT' })]);
    expect(await links()).toEqual(linksWithGrandchild);
    expect(linksWithGrandchild.filter((link) => !before.includes(link))).toEqual(['Franchise deadpool-wolverine v1', 'deadpool-wolverine inside deadpool']);
  });

  it('lets only one of two nestings that together would close a loop through, even sent at once', async () => {
    // Die Hard inside Underworld, The Matrix inside John Wick; then at once John Wick inside Die
    // Hard and Underworld inside The Matrix: four franchises, and the two writes share no end.
    const id = (slug: string) => ids.id('Franchise', slug);
    await ok(editor, UPDATE_FRANCHISE, { input: { id: id('die-hard'), parent: id('underworld') } });
    await ok(editor, UPDATE_FRANCHISE, { input: { id: id('the-matrix'), parent: id('john-wick') } });
    const answers = await Promise.all([
      ok(editor, UPDATE_FRANCHISE, { input: { id: id('john-wick'), parent: id('die-hard') } }),
      ok(editor, UPDATE_FRANCHISE, { input: { id: id('underworld'), parent: id('the-matrix') } }),
    ]);
    const refused = answers.filter((answer) => answer.updateFranchise.userErrors.length > 0);
    expect(refused).toHaveLength(1);
    expect(refused[0].updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parent'], code: 'CONFLICT' })]);
    expect((await links()).filter((link) => link.includes(' inside '))).toHaveLength(4);
  });

  it('un-nests a franchise with an explicit null parent, and leaves the parent alone when it is left out', async () => {
    const deadpool = ids.id('Franchise', 'deadpool');
    const renamed = await ok(editor, UPDATE_FRANCHISE, { input: { id: deadpool, description: 'The merc with a mouth.' } });
    expect(renamed.updateFranchise.franchise).toMatchObject({ description: 'The merc with a mouth.', parent: { slug: 'x-men' }, version: 2 });
    const { updateFranchise } = await ok(editor, UPDATE_FRANCHISE, { input: { id: deadpool, parent: null } });
    expect(updateFranchise.franchise).toMatchObject({ slug: 'deadpool', parent: null, version: 3 });
    const { franchise } = await read(`{ franchise(slug: "x-men") { children { slug } } }`);
    expect(franchise.children).toEqual([]);
    const last = (await changes('Franchise')).pop();
    expect(last.fields).toEqual([{ field: 'parent', before: ids.id('Franchise', 'x-men'), after: null }]);
  });

  it('renames a franchise: a new slug, the old one still leading to it, and STALE for an old version', async () => {
    const id = ids.id('Franchise', 'john-wick');
    const { updateFranchise } = await ok(editor, UPDATE_FRANCHISE, { input: { id, expectedVersion: 1, name: 'The John Wick Saga' } });
    expect(updateFranchise.franchise).toMatchObject({ id, slug: 'the-john-wick-saga', name: 'The John Wick Saga', version: 2 });
    expect(updateFranchise.franchise.updatedAt >= updateFranchise.franchise.createdAt).toBe(true);
    const byOld = await read(`{ franchise(slug: "john-wick") { id slug entries { film { slug } } } }`);
    expect(byOld.franchise).toMatchObject({ id, slug: 'the-john-wick-saga' });
    expect(byOld.franchise.entries).toHaveLength(5);
    const [change] = await changes('Franchise');
    expect(change.fields).toEqual([
      { field: 'name', before: 'John Wick', after: 'The John Wick Saga' },
      { field: 'slug', before: 'john-wick', after: 'the-john-wick-saga' },
    ]);
    const stale = await ok(editor, UPDATE_FRANCHISE, { input: { id, expectedVersion: 1, name: 'Wick' } });
    expect(stale.updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'expectedVersion'], code: 'STALE' })]);
  });

  it('checks every field of the input, naming each', async () => {
    const before = await links();
    const bad = await ok(editor, CREATE_FRANCHISE, { input: { name: '  ', description: 'x'.repeat(2001), parent: ids.id('Genre', 'action') } });
    expect(bad.createFranchise.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'INVALID'],
      ['input.description', 'INVALID'],
      ['input.parent', 'INVALID'],
    ]);
    const unknown = await ok(editor, CREATE_FRANCHISE, { input: { name: 'Nobody', parent: 'franchise_0000' } });
    expect(unknown.createFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'parent'], code: 'NOT_FOUND' })]);
    const missing = await ok(editor, UPDATE_FRANCHISE, { input: { id: 'franchise_0000', name: 'Nobody' } });
    expect(missing.updateFranchise.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
    expect(await links()).toEqual(before);
  });

  it('lets only an ADMIN delete one: its entries and links go, the franchises inside become top-level, its characters belong to none', async () => {
    const xmen = ids.id('Franchise', 'x-men');
    const johnWick = ids.id('Franchise', 'john-wick');
    const forbidden = await as(editor, DELETE('Franchise'), { input: { id: xmen } });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await read(`{ franchise(slug: "x-men") { slug } }`)).franchise).toEqual({ slug: 'x-men' });

    expect((await ok(admin, DELETE('Franchise'), { input: { id: xmen } })).deleteFranchise).toEqual({ deletedId: xmen, userErrors: [] });
    const { franchise: deadpool } = await read(`{ franchise(slug: "deadpool") { parent { slug } version } }`);
    expect(deadpool).toEqual({ parent: null, version: 2 });

    expect((await ok(admin, DELETE('Franchise'), { input: { id: johnWick, expectedVersion: 1 } })).deleteFranchise.deletedId).toBe(johnWick);
    const after = await read(`{ franchise(slug: "john-wick") { slug } character(slug: "eve-macarro") { franchise { slug } version } film(slug: "ballerina-2025") { franchises { kind } } }`);
    expect(after).toEqual({ franchise: null, character: { franchise: null, version: 2 }, film: { franchises: [] } });
    expect((await links()).filter((link) => link.includes('john-wick') && !link.startsWith('Character'))).toEqual([]);

    const feed = await changes('Franchise', 'Character');
    const deleted = feed.find((c) => c.operation === 'DELETE' && c.entityId === johnWick);
    expect(deleted.actor).toBe('named-admin');
    expect(deleted.fields).toEqual(
      expect.arrayContaining([
        { field: 'name', before: 'John Wick', after: null },
        { field: `entry:${ids.id('Film', 'ballerina-2025')}`, before: { kind: 'SPIN_OFF', chronologicalOrder: 4 }, after: null },
      ]),
    );
    expect(deleted.fields.filter((f: any) => f.field.startsWith('entry:'))).toHaveLength(5);
    expect(feed).toContainEqual(expect.objectContaining({ operation: 'UPDATE', entityType: 'Franchise', entityId: ids.id('Franchise', 'deadpool'), fields: [{ field: 'parent', before: xmen, after: null }] }));
    expect(feed.filter((c) => c.operation === 'UPDATE' && c.entityType === 'Character')).toHaveLength(8);
    expect(feed).toContainEqual(expect.objectContaining({ entityType: 'Character', entityId: ids.id('Character', 'eve-macarro'), fields: [{ field: 'franchise', before: johnWick, after: null }] }));
  });
});

const CHARACTER_FIELDS = 'id slug name version createdAt updatedAt franchise { slug }';
const CREATE_CHARACTER = `mutation ($input: CreateCharacterInput!) { createCharacter(input: $input) { character { ${CHARACTER_FIELDS} } userErrors { field code } } }`;
const UPDATE_CHARACTER = `mutation ($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { ${CHARACTER_FIELDS} } userErrors { field code } } }`;
const CAST = `{ film(slug: "ballerina-2025") { cast { person { slug } characters character { slug name } version } } }`;

describe('characters', () => {
  it("creates Daniel Pine, links Norman Reedus's credit to him with updateCredit, and shows him on Ballerina's cast", async () => {
    const { createCharacter } = await ok(editor, CREATE_CHARACTER, { input: { name: 'Daniel Pine', franchise: ids.id('Franchise', 'john-wick') } });
    expect(createCharacter).toMatchObject({ userErrors: [], character: { slug: 'daniel-pine', name: 'Daniel Pine', version: 1, franchise: { slug: 'john-wick' } } });
    expect(createCharacter.character.createdAt).toMatch(/^\d{4}-/);
    const credit = await ok(
      editor,
      `mutation ($input: UpdateCreditInput!) { updateCredit(input: $input) { role { character { slug } } userErrors { field code } } }`,
      { input: { id: ids.role('norman-reedus', 'ballerina-2025', 'ACTOR'), character: createCharacter.character.id } },
    );
    expect(credit.updateCredit).toEqual({ role: { character: { slug: 'daniel-pine' } }, userErrors: [] });
    const { film } = await read(CAST);
    expect(film.cast.find((role: any) => role.person.slug === 'norman-reedus')).toMatchObject({ characters: ['Daniel Pine'], character: { slug: 'daniel-pine', name: 'Daniel Pine' } });
    const { franchise } = await read(`{ franchise(slug: "john-wick") { characters { slug } } }`);
    expect(franchise.characters.map((c: any) => c.slug)).toContain('daniel-pine');
    const [change] = await changes('Character');
    expect(change).toMatchObject({ operation: 'CREATE', fields: [{ field: 'name', before: null, after: 'Daniel Pine' }, { field: 'slug', before: null, after: 'daniel-pine' }, { field: 'franchise', before: null, after: ids.id('Franchise', 'john-wick') }] });
  });

  it('renames a character (the old slug still leads to it) and moves it out of its franchise', async () => {
    const id = ids.id('Character', 'winston-scott');
    const { updateCharacter } = await ok(editor, UPDATE_CHARACTER, { input: { id, name: 'Winston', franchise: null } });
    expect(updateCharacter.character).toMatchObject({ id, slug: 'winston', name: 'Winston', version: 2, franchise: null });
    expect((await read(`{ character(slug: "winston-scott") { id slug } }`)).character).toEqual({ id, slug: 'winston' });
    const [change] = await changes('Character');
    expect(change.fields).toEqual([
      { field: 'name', before: 'Winston Scott', after: 'Winston' },
      { field: 'slug', before: 'winston-scott', after: 'winston' },
      { field: 'franchise', before: ids.id('Franchise', 'john-wick'), after: null },
    ]);
    const bad = await ok(editor, UPDATE_CHARACTER, { input: { id, franchise: ids.id('Film', 'ballerina-2025') } });
    expect(bad.updateCharacter.userErrors).toEqual([{ field: ['input', 'franchise'], code: 'INVALID' }]);
    const unknown = await ok(editor, CREATE_CHARACTER, { input: { name: 'Nobody', franchise: 'franchise_0000' } });
    expect(unknown.createCharacter.userErrors).toEqual([{ field: ['input', 'franchise'], code: 'NOT_FOUND' }]);
  });

  it('lets only an ADMIN delete one; the roles that played it link to it no more', async () => {
    const id = ids.id('Character', 'eve-macarro');
    const role = ids.role('ana-de-armas', 'ballerina-2025', 'ACTOR');
    const forbidden = await as(editor, DELETE('Character'), { input: { id } });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await ok(admin, DELETE('Character'), { input: { id } })).deleteCharacter).toEqual({ deletedId: id, userErrors: [] });
    const { film } = await read(CAST);
    expect(film.cast.find((r: any) => r.person.slug === 'ana-de-armas')).toMatchObject({ characters: ['Eve Macarro'], character: null, version: 2 });
    expect((await read(`{ character(slug: "eve-macarro") { id } }`)).character).toBeNull();
    const feed = await changes('Character', 'Role');
    expect(feed).toEqual([
      expect.objectContaining({ operation: 'DELETE', entityType: 'Character', entityId: id }),
      expect.objectContaining({ operation: 'UPDATE', entityType: 'Role', entityId: role, fields: [{ field: 'character', before: id, after: null }] }),
    ]);
  });
});

const GENRE_FIELDS = 'id slug name version createdAt updatedAt';
const CREATE_GENRE = `mutation ($input: CreateGenreInput!) { createGenre(input: $input) { genre { ${GENRE_FIELDS} } userErrors { field code } } }`;

describe('genres', () => {
  it('creates a genre a film can then be filed under by its slug; a second of the same name is TAKEN', async () => {
    const { createGenre } = await ok(editor, CREATE_GENRE, { input: { name: 'Neo-Noir' } });
    expect(createGenre).toMatchObject({ userErrors: [], genre: { slug: 'neo-noir', name: 'Neo-Noir', version: 1 } });
    const filed = await ok(editor, `mutation ($input: UpdateFilmInput!) { updateFilm(input: $input) { film { genres { slug } } userErrors { field } } }`, {
      input: { id: ids.id('Film', 'john-wick-2014'), genres: ['action', 'neo-noir'] },
    });
    expect(filed.updateFilm.film.genres.map((g: any) => g.slug).sort()).toEqual(['action', 'neo-noir']);
    const taken = await ok(editor, CREATE_GENRE, { input: { name: 'ACTION' } });
    expect(taken.createGenre).toEqual({ genre: null, userErrors: [{ field: ['input', 'name'], code: 'TAKEN' }] });
    const empty = await ok(editor, CREATE_GENRE, { input: { name: '' } });
    expect(empty.createGenre.userErrors).toEqual([{ field: ['input', 'name'], code: 'INVALID' }]);
  });

  it('renames a genre: its old slug still finds it', async () => {
    const id = ids.id('Genre', 'sci-fi');
    const { updateGenre } = await ok(editor, `mutation ($input: UpdateGenreInput!) { updateGenre(input: $input) { genre { ${GENRE_FIELDS} } userErrors { field code } } }`, {
      input: { id, expectedVersion: 1, name: 'Science Fiction' },
    });
    expect(updateGenre.genre).toMatchObject({ id, slug: 'science-fiction', name: 'Science Fiction', version: 2 });
    const byOld = await read(`{ genre(slug: "sci-fi") { id slug films { nodes { slug } } } }`);
    expect(byOld.genre).toEqual({ id, slug: 'science-fiction', films: { nodes: [{ slug: 'the-matrix-1999' }] } });
    const taken = await ok(editor, `mutation ($input: UpdateGenreInput!) { updateGenre(input: $input) { userErrors { field code } } }`, { input: { id, name: 'Horror' } });
    expect(taken.updateGenre.userErrors).toEqual([{ field: ['input', 'name'], code: 'TAKEN' }]);
  });

  it('lets only an ADMIN delete one; its films lose it, each change in the feed', async () => {
    const comedy = ids.id('Genre', 'comedy');
    const forbidden = await as(editor, DELETE('Genre'), { input: { id: comedy } });
    expect(forbidden.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await read(`{ genre(slug: "comedy") { films { totalCount } } }`)).genre.films.totalCount).toBe(3);

    expect((await ok(admin, DELETE('Genre'), { input: { id: comedy } })).deleteGenre).toEqual({ deletedId: comedy, userErrors: [] });
    const after = await read(`{ genre(slug: "comedy") { id } film(slug: "deadpool-2-2018") { genres { slug } version } }`);
    expect(after).toEqual({ genre: null, film: { genres: [{ slug: 'action' }], version: 2 } });
    const feed = await changes('Genre', 'Film');
    expect(feed[0]).toMatchObject({ operation: 'DELETE', entityType: 'Genre', entityId: comedy, fields: [{ field: 'name', before: 'Comedy', after: null }, { field: 'slug', before: 'comedy', after: null }] });
    expect(feed.slice(1).map((c) => [c.operation, c.entityId])).toEqual(
      ['bullet-train-2022', 'deadpool-2-2018', 'the-fall-guy-2024'].map((slug) => ['UPDATE', ids.id('Film', slug)]).sort((a, b) => a[1].localeCompare(b[1])),
    );
    expect(feed.find((c) => c.entityId === ids.id('Film', 'deadpool-2-2018')).fields).toEqual([{ field: 'genres', before: ['action', 'comedy'], after: ['action'] }]);
  });
});
