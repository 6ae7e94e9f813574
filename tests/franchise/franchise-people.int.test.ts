import { Database } from '../../src/db/database';
import { FranchisePeopleArgs, franchisePeopleKey, franchisePeopleService } from '../../src/franchise/franchise-people.service';
import { personFranchiseService } from '../../src/person/person-franchises.service';
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

/** Franchise.people's key for these arguments, as the resolver builds it. */
function peopleOf(franchiseId: string, args: FranchisePeopleArgs) {
  const key = franchisePeopleKey(franchiseId, args, null);
  if (key instanceof Error) throw key;
  return key;
}

const person = (slug: string) => seed.id('Person', slug);
const franchise = (slug: string) => seed.id('Franchise', slug);
const name = (id: string) => seed.name(id);
const JOHN_WICK_FILMS = [
  'Film:john-wick-2014',
  'Film:john-wick-chapter-2-2017',
  'Film:john-wick-chapter-3-parabellum-2019',
  'Film:john-wick-chapter-4-2023',
  'Film:ballerina-2025',
];

const statements = <T>(work: () => Promise<T>) => countStatements(db, work);

describe('franchises and their people', () => {
  it("lists Len Wiseman's franchises with his role in each, most films first", async () => {
    const { result, count } = await statements(() => personFranchiseService.ofPeople(db, [person('len-wiseman'), person('david-leitch'), person('brad-pitt')]));
    expect(count).toBe(1);
    const [len, leitch, pitt] = result;
    expect(len.map((f) => [name(f.franchiseId), f.kinds, f.filmIds.map(name)])).toEqual([
      ['Franchise:underworld', ['DIRECTOR'], ['Film:underworld-2003', 'Film:underworld-evolution-2006']],
      ['Franchise:die-hard', ['DIRECTOR'], ['Film:live-free-or-die-hard-2007']],
      ['Franchise:john-wick', ['DIRECTOR'], ['Film:ballerina-2025']],
    ]);
    // Deadpool 2 counts for Deadpool only, not for X-Men, the franchise Deadpool is part of.
    expect(leitch.map((f) => [name(f.franchiseId), f.kinds])).toEqual([
      ['Franchise:deadpool', ['DIRECTOR']],
      ['Franchise:john-wick', ['DIRECTOR', 'PRODUCER']],
    ]);
    expect(pitt).toEqual([]);
  });

  // The five John Wick films: 1–4 and Ballerina. On all five: Basil Iwanyk (producer), Chad
  // Stahelski (director of 1–4, producer of 4 and Ballerina), Ian McShane, Keanu Reeves and
  // Lance Reddick (cast). Tyler Bates and Joel J. Richard scored 1–4 only.
  it('finds who worked on all five John Wick films', async () => {
    const [people] = await franchisePeopleService.ofFranchises(db, [peopleOf(franchise('john-wick'), { minFilms: 5 })]);
    expect(people.map((p) => [name(p.personId), p.kinds])).toEqual([
      ['Person:basil-iwanyk', ['PRODUCER']],
      ['Person:chad-stahelski', ['DIRECTOR', 'PRODUCER']],
      ['Person:ian-mcshane', ['ACTOR']],
      ['Person:keanu-reeves', ['ACTOR']],
      ['Person:lance-reddick', ['ACTOR']],
    ]);
    expect(people.every((p) => JSON.stringify(p.filmIds.map(name)) === JSON.stringify(JOHN_WICK_FILMS))).toBe(true);
  });

  it('narrows by kinds and pages with first, per key, in one statement', async () => {
    const { result, count } = await statements(() =>
      franchisePeopleService.ofFranchises(db, [
        peopleOf(franchise('john-wick'), { kinds: ['DIRECTOR'] }),
        peopleOf(franchise('x-men'), {}),
        peopleOf(franchise('deadpool'), { first: 1 }),
      ]),
    );
    expect(count).toBe(1);
    const [directors, xMen, deadpool] = result;
    expect(directors.map((p) => [name(p.personId), p.filmIds.length])).toEqual([
      ['Person:chad-stahelski', 4],
      ['Person:david-leitch', 1],
      ['Person:len-wiseman', 1],
    ]);
    expect(xMen).toEqual([]);
    expect(deadpool.map((p) => name(p.personId))).toEqual(['Person:david-leitch']);
  });
});
