import { ErrorCode } from '../../src/common/errors';
import { Database } from '../../src/db/database';
import { collaboratorService } from '../../src/person/collaborators.service';
import { countStatements, resetToSeed, testDatabase } from '../support/neo4j';
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
const name = (id: string) => seed.name(id);

const statements = <T>(work: () => Promise<T>) => countStatements(db, work);

describe('collaborators', () => {
  // Keanu Reeves: John Wick 1–4, Ballerina, The Matrix. Chad Stahelski worked on all six
  // (director, producer, stunt double); Basil Iwanyk, Ian McShane and Lance Reddick on five.
  it("puts Keanu Reeves's closest collaborator first, shared films newest first", async () => {
    const [keanu] = await collaboratorService.ofPeople(db, [{ personId: person('keanu-reeves'), first: 4 }]);
    expect(keanu.map((c) => [name(c.personId), c.count])).toEqual([
      ['Person:chad-stahelski', 6],
      ['Person:basil-iwanyk', 5],
      ['Person:ian-mcshane', 5],
      ['Person:lance-reddick', 5],
    ]);
    expect(keanu[0].filmIds.map(name)).toEqual([
      'Film:ballerina-2025',
      'Film:john-wick-chapter-4-2023',
      'Film:john-wick-chapter-3-parabellum-2019',
      'Film:john-wick-chapter-2-2017',
      'Film:john-wick-2014',
      'Film:the-matrix-1999',
    ]);
  });

  it('never lists the person, and counts a film once however many roles either held on it', async () => {
    const [keanu] = await collaboratorService.ofPeople(db, [{ personId: person('keanu-reeves'), first: 100 }]);
    expect(keanu.map((c) => c.personId)).not.toContain(person('keanu-reeves'));
    // David Leitch directed (uncredited) and produced John Wick: one shared film.
    expect(keanu.find((c) => c.personId === person('david-leitch'))).toEqual({
      personId: person('david-leitch'),
      count: 1,
      filmIds: [seed.id('Film', 'john-wick-2014')],
    });
  });

  it('narrows by kinds (this person) and withKinds (the other), each key with its own, in one statement', async () => {
    const { result, count } = await statements(() =>
      collaboratorService.ofPeople(db, [
        { personId: person('chad-stahelski'), kinds: ['DIRECTOR'], withKinds: ['ACTOR'], first: 4 },
        { personId: person('len-wiseman'), first: 3 },
        { personId: 'person_unknown' },
      ]),
    );
    expect(count).toBe(1);
    const [chad, len, unknown] = result;
    // Chad directed John Wick 1–4: Keanu, Ian McShane and Lance Reddick act in all four,
    // Laurence Fishburne in three.
    expect(chad.map((c) => [name(c.personId), c.count])).toEqual([
      ['Person:ian-mcshane', 4],
      ['Person:keanu-reeves', 4],
      ['Person:lance-reddick', 4],
      ['Person:laurence-fishburne', 3],
    ]);
    // Len Wiseman directed both Underworld films with Bill Nighy, Kate Beckinsale and Scott Speedman.
    expect(len.map((c) => [name(c.personId), c.count])).toEqual([
      ['Person:bill-nighy', 2],
      ['Person:kate-beckinsale', 2],
      ['Person:scott-speedman', 2],
    ]);
    expect(unknown).toEqual([]);
  });

  it('rejects an unknown kind or a page over 100 as BAD_USER_INPUT', async () => {
    await expect(collaboratorService.ofPeople(db, [{ personId: person('keanu-reeves'), kinds: ['GAFFER' as never] }])).rejects.toMatchObject({
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'kinds' },
    });
    await expect(collaboratorService.ofPeople(db, [{ personId: person('keanu-reeves'), first: 101 }])).rejects.toMatchObject({
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'first' },
    });
  });
});
