import { ErrorCode } from '../../src/common/errors';
import { Database } from '../../src/db/database';
import { pathService } from '../../src/paths/paths.service';
import { GraphPath } from '../../src/paths/paths.type';
import { importDocument } from '../../src/ingest/json-import';
import { resetToSeed, testDatabase, wipe } from '../support/neo4j';
import { SeedIds, seedIds } from '../support/seed-ids';

let db: Database;
let seed: SeedIds;
beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  seed = await seedIds(db);
});
afterAll(() => db.close());

const person = (slug: string) => seed.id('Person', slug);
const film = (slug: string) => seed.id('Film', slug);

/** A path as "Label:slug" names, so expectations read like the seed file. */
const names = (path: GraphPath | null) => path && path.nodes.map((node) => seed.name(node.id));
const roles = (path: GraphPath | null) => path && path.steps.map((step) => step.roleId && seed.name(step.roleId));

describe('shortestPath on the seed graph', () => {
  it('joins a director to an actor through the film they share (Role nodes are not hops)', async () => {
    const path = await pathService.shortest(db, { fromId: person('len-wiseman'), toId: person('keanu-reeves') });
    expect(path?.length).toBe(2);
    expect(names(path)).toEqual(['Person:len-wiseman', 'Film:ballerina-2025', 'Person:keanu-reeves']);
    expect(path?.nodes.map((n) => n.label)).toEqual(['Person', 'Film', 'Person']);
    expect(path?.steps.map((step) => ({ fromId: step.from.id, toId: step.to.id, roleId: step.roleId }))).toEqual([
      { fromId: person('len-wiseman'), toId: film('ballerina-2025'), roleId: seed.role('len-wiseman', 'ballerina-2025', 'DIRECTOR') },
      { fromId: film('ballerina-2025'), toId: person('keanu-reeves'), roleId: seed.role('keanu-reeves', 'ballerina-2025', 'ACTOR') },
    ]);
  });

  // Bruce Willis's films are Die Hard and Live Free or Die Hard, his character John McClane, whose
  // franchise is Die Hard: none of those touches Keanu's films, characters or franchises. Live
  // Free or Die Hard's director, Len Wiseman, directed Ballerina, which Keanu is in: 4 hops, and
  // the franchise and character routes only lead back into Die Hard.
  it('finds Bruce Willis → Keanu Reeves in 4 hops through Len Wiseman', async () => {
    const path = await pathService.shortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves') });
    expect(names(path)).toEqual([
      'Person:bruce-willis',
      'Film:live-free-or-die-hard-2007',
      'Person:len-wiseman',
      'Film:ballerina-2025',
      'Person:keanu-reeves',
    ]);
    expect(path?.length).toBe(4);
    expect(roles(path)).toEqual([
      'Role:bruce-willis|live-free-or-die-hard-2007|ACTOR',
      'Role:len-wiseman|live-free-or-die-hard-2007|DIRECTOR',
      'Role:len-wiseman|ballerina-2025|DIRECTOR',
      'Role:keanu-reeves|ballerina-2025|ACTOR',
    ]);
  });

  it('gives null when the only paths are longer than maxHops', async () => {
    expect(await pathService.shortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves'), maxHops: 3 })).toBeNull();
  });

  it('rejects maxHops above 10 or below 1 as BAD_USER_INPUT naming maxHops', async () => {
    for (const maxHops of [11, 0, 2.5]) {
      const failure = pathService.shortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves'), maxHops });
      await expect(failure).rejects.toMatchObject({ extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'maxHops' } });
      await expect(failure).rejects.toThrow(/maxHops/);
    }
    await expect(pathService.allShortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves'), maxHops: 11 })).rejects.toMatchObject({
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  });

  it('walks only the links `via` allows: people are out of reach of franchise links alone', async () => {
    expect(await pathService.shortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves'), via: ['FRANCHISE'] })).toBeNull();
    const credits = await pathService.shortest(db, { fromId: person('bruce-willis'), toId: person('keanu-reeves'), via: ['CREDIT'] });
    expect(credits?.length).toBe(4);
  });

  it('names, for a character hop, the role that plays it (the earliest film)', async () => {
    const path = await pathService.shortest(db, { fromId: person('keanu-reeves'), toId: seed.id('Character', 'john-wick') });
    expect(names(path)).toEqual(['Person:keanu-reeves', 'Character:john-wick']);
    expect(roles(path)).toEqual(['Role:keanu-reeves|john-wick-2014|ACTOR']);
  });

  it('uses genres only when asked: Die Hard → Ballerina is 4 hops by default, 2 through a genre', async () => {
    const byDefault = await pathService.allShortest(db, { fromId: film('die-hard-1988'), toId: film('ballerina-2025') });
    // To Live Free or Die Hard through Bruce Willis or through the Die Hard franchise, then Len Wiseman.
    expect(byDefault.map(names)).toEqual([
      ['Film:die-hard-1988', 'Person:bruce-willis', 'Film:live-free-or-die-hard-2007', 'Person:len-wiseman', 'Film:ballerina-2025'],
      ['Film:die-hard-1988', 'Franchise:die-hard', 'Film:live-free-or-die-hard-2007', 'Person:len-wiseman', 'Film:ballerina-2025'],
    ]);
    expect(byDefault[1].steps.map((s) => s.roleId === null)).toEqual([true, true, false, false]);

    const throughGenres = await pathService.allShortest(db, { fromId: film('die-hard-1988'), toId: film('ballerina-2025'), via: ['GENRE'] });
    expect(throughGenres.map(names)).toEqual([
      ['Film:die-hard-1988', 'Genre:action', 'Film:ballerina-2025'],
      ['Film:die-hard-1988', 'Genre:thriller', 'Film:ballerina-2025'],
    ]);
    expect(throughGenres[0].steps.map((s) => s.roleId)).toEqual([null, null]);
  });

  it('finds a path of credits alone, without its roles, in one statement, as the full search does', async () => {
    const query = { fromId: person('bruce-willis'), toId: person('keanu-reeves'), via: ['CREDIT'] as const };
    const full = await pathService.shortest(db, { ...query, withRoles: true });
    const before = db.statementCount;
    const bare = await pathService.shortest(db, { ...query, withRoles: false });
    expect(db.statementCount - before).toBe(1);
    expect(bare?.length).toBe(4);
    expect(bare?.nodes).toEqual(full?.nodes);
    expect(await pathService.shortest(db, { ...query, toId: 'person_nobody', withRoles: false })).toBeNull();
    expect(await pathService.shortest(db, { ...query, maxHops: 3, withRoles: false })).toBeNull();
  });

  it('answers null / [] for an id that names nothing', async () => {
    expect(await pathService.shortest(db, { fromId: 'person_nobody', toId: person('keanu-reeves') })).toBeNull();
    expect(await pathService.allShortest(db, { fromId: person('keanu-reeves'), toId: 'film_nothing' })).toEqual([]);
  });
});

describe('allShortestPaths on the seed graph', () => {
  it('lists each sequence of entities once, however many roles link them, in name order', async () => {
    // Chad Stahelski directed John Wick 1–4 (and produced Chapter 4), produced Ballerina and was a
    // stunt double on The Matrix; Keanu Reeves acts in all six.
    const paths = await pathService.allShortest(db, { fromId: person('chad-stahelski'), toId: person('keanu-reeves') });
    expect(paths.map((p) => names(p)![1])).toEqual([
      'Film:ballerina-2025',
      'Film:john-wick-2014',
      'Film:john-wick-chapter-2-2017',
      'Film:john-wick-chapter-3-parabellum-2019',
      'Film:john-wick-chapter-4-2023',
      'Film:the-matrix-1999',
    ]);
    expect(paths.every((p) => p.length === 2)).toBe(true);
    // Director before producer, so the Chapter 4 step names the directing role.
    expect(roles(paths[4])).toEqual(['Role:chad-stahelski|john-wick-chapter-4-2023|DIRECTOR', 'Role:keanu-reeves|john-wick-chapter-4-2023|ACTOR']);
    expect(roles(paths[0])![0]).toBe('Role:chad-stahelski|ballerina-2025|PRODUCER');
  });

  it('stops at `first`', async () => {
    const paths = await pathService.allShortest(db, { fromId: person('chad-stahelski'), toId: person('keanu-reeves'), first: 2 });
    expect(paths.map((p) => names(p)![1])).toEqual(['Film:ballerina-2025', 'Film:john-wick-2014']);
  });
});

describe('hop counting where relationships and hops disagree', () => {
  // Alpha is in Saga, which is PART_OF Universe; Beta is in Universe: Alpha → Saga → Universe →
  // Beta is 3 relationships and 3 hops. Pat and Quinn act in both: Alpha → Pat → Beta is
  // 4 relationships but 2 hops. Robin plays Cipher (from an unrelated franchise) in Alpha.
  let ids: Record<string, string>;
  beforeAll(async () => {
    await wipe(db);
    await importDocument(db, {
      format: 'reelgraph',
      version: 1,
      franchises: [
        { ref: 'universe', name: 'Universe' },
        { ref: 'saga', name: 'Saga', parent: 'universe' },
        { ref: 'other', name: 'Elsewhere' },
      ],
      films: [
        { ref: 'alpha', title: 'Alpha', year: 2001, franchises: [{ franchise: 'saga', kind: 'MAIN' }] },
        { ref: 'beta', title: 'Beta', year: 2002, franchises: [{ franchise: 'universe', kind: 'MAIN' }] },
        { ref: 'gamma', title: 'Gamma', year: 2003 },
      ],
      people: [
        { ref: 'pat', name: 'Pat' },
        { ref: 'quinn', name: 'Quinn' },
        { ref: 'robin', name: 'Robin' },
        { ref: 'sam', name: 'Sam' },
      ],
      characters: [{ ref: 'cipher', name: 'Cipher', franchise: 'other' }],
      roles: [
        { person: 'pat', film: 'alpha', kind: 'ACTOR', billingOrder: 1 },
        { person: 'pat', film: 'beta', kind: 'PRODUCER' },
        { person: 'pat', film: 'beta', kind: 'ACTOR', billingOrder: 2 },
        { person: 'quinn', film: 'alpha', kind: 'ACTOR', billingOrder: 2 },
        { person: 'quinn', film: 'beta', kind: 'ACTOR', billingOrder: 1 },
        { person: 'robin', film: 'alpha', kind: 'ACTOR', billingOrder: 3, character: 'cipher' },
        { person: 'sam', film: 'gamma', kind: 'ACTOR', billingOrder: 1 },
      ],
    });
    const rows = await db.read<{ name: string; id: string }>(
      `MATCH (n) WHERE n:Film OR n:Person OR n:Franchise OR n:Character RETURN coalesce(n.title, n.name) AS name, n.id AS id`,
    );
    ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  });
  afterAll(() => resetToSeed(db));

  const named = (path: GraphPath | null) => {
    const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return path && path.nodes.map((n) => byId.get(n.id));
  };

  it('prefers 2 hops over 4 relationships to 3 hops over 3 relationships', async () => {
    const path = await pathService.shortest(db, { fromId: ids.Alpha, toId: ids.Beta });
    expect(path?.length).toBe(2);
    expect(['Pat', 'Quinn']).toContain(named(path)![1]);
  });

  it('walks the franchise tree when only franchise links are allowed', async () => {
    const path = await pathService.shortest(db, { fromId: ids.Alpha, toId: ids.Beta, via: ['FRANCHISE'] });
    expect(named(path)).toEqual(['Alpha', 'Saga', 'Universe', 'Beta']);
    expect(path?.steps.map((s) => s.roleId)).toEqual([null, null, null]);
  });

  it('finds every 2-hop path, one per person, naming the acting role before the producing one', async () => {
    const paths = await pathService.allShortest(db, { fromId: ids.Alpha, toId: ids.Beta });
    expect(paths.map(named)).toEqual([
      ['Alpha', 'Pat', 'Beta'],
      ['Alpha', 'Quinn', 'Beta'],
    ]);
    const [kind] = await db.read<{ kind: string }>('MATCH (r:Role {id: $id}) RETURN r.kind AS kind', { id: paths[0].steps[1].roleId });
    expect(kind.kind).toBe('ACTOR');
  });

  it('never links a film straight to a character through a role: the person is a hop', async () => {
    const path = await pathService.shortest(db, { fromId: ids.Alpha, toId: ids.Cipher });
    expect(named(path)).toEqual(['Alpha', 'Robin', 'Cipher']);
    expect(path?.steps[0].roleId).toBe(path?.steps[1].roleId);
  });

  it('gives null when nothing connects, a 0-hop path from an entity to itself', async () => {
    expect(await pathService.shortest(db, { fromId: ids.Gamma, toId: ids.Alpha, maxHops: 10 })).toBeNull();
    expect(await pathService.shortest(db, { fromId: ids.Alpha, toId: ids.Alpha })).toEqual({
      length: 0,
      nodes: [{ id: ids.Alpha, label: 'Film' }],
      steps: [],
    });
  });
});
