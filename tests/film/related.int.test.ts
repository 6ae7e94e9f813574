import { Database } from '../../src/db/database';
import { relatedFilmService } from '../../src/film/related.service';
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

const name = (id: string) => seed.name(id);

const statements = <T>(work: () => Promise<T>) => countStatements(db, work);

describe('related films', () => {
  // Ballerina: John Wick franchise; cast Ana de Armas, Anjelica Huston, Gabriel Byrne, Lance
  // Reddick, Norman Reedus, Ian McShane, Keanu Reeves; crew Len Wiseman, Shay Hatten, Basil
  // Iwanyk, Erica Lee, Chad Stahelski; genres action and thriller. Franchise 5, cast 2, crew 1.5,
  // genre 0.5:
  //   Chapter 3: 5 + 4 cast (Huston, McShane, Reeves, Reddick) 8 + 4 crew (Hatten, Iwanyk, Lee, Stahelski) 6 + 1 = 20
  //   Chapter 4: 5 + 3 cast 6 + 4 crew 6 + 1 = 18;  Chapter 2: 5 + 6 + 3 crew 4.5 + 1 = 16.5
  //   John Wick: 5 + 6 + 2 crew (Iwanyk, Stahelski) 3 + 1 = 15;  The Matrix: Reeves 2 + Stahelski 1.5 + action 0.5 = 4
  //   Live Free or Die Hard: Wiseman 1.5 + 1 = 2.5;  Underworld, Underworld: Evolution: 1.5 + 0.5 = 2
  //   Atomic Blonde, Bullet Train, Die Hard: genres only, 1;  Deadpool 2, The Fall Guy: 0.5
  it('ranks the films most related to Ballerina, ties by title', async () => {
    const [related] = await relatedFilmService.ofFilms(db, [{ filmId: seed.id('Film', 'ballerina-2025') }]);
    expect(related.map((r) => [name(r.filmId), r.score])).toEqual([
      ['Film:john-wick-chapter-3-parabellum-2019', 20],
      ['Film:john-wick-chapter-4-2023', 18],
      ['Film:john-wick-chapter-2-2017', 16.5],
      ['Film:john-wick-2014', 15],
      ['Film:the-matrix-1999', 4],
      ['Film:live-free-or-die-hard-2007', 2.5],
      ['Film:underworld-2003', 2],
      ['Film:underworld-evolution-2006', 2],
      ['Film:atomic-blonde-2017', 1],
      ['Film:bullet-train-2022', 1],
      ['Film:die-hard-1988', 1],
      ['Film:deadpool-2-2018', 0.5],
      ['Film:the-fall-guy-2024', 0.5],
    ]);
    expect(related[0].reasons.map((r) => `${r.kind} ${name(r.viaId)}`)).toEqual([
      'SAME_FRANCHISE Franchise:john-wick',
      'SHARED_CAST Person:anjelica-huston',
      'SHARED_CAST Person:ian-mcshane',
      'SHARED_CAST Person:keanu-reeves',
      'SHARED_CAST Person:lance-reddick',
      'SHARED_CREW Person:basil-iwanyk',
      'SHARED_CREW Person:chad-stahelski',
      'SHARED_CREW Person:erica-lee',
      'SHARED_CREW Person:shay-hatten',
      'SHARED_GENRE Genre:action',
      'SHARED_GENRE Genre:thriller',
    ]);
    expect(related[4].reasons.map((r) => r.viaLabel)).toEqual(['Person', 'Person', 'Genre']);
  });

  it('scores the same without working out reasons, when they are not asked for', async () => {
    const keys = ['ballerina-2025', 'john-wick-2014', 'the-matrix-1999'].map((slug) => ({ filmId: seed.id('Film', slug), first: 8 }));
    const withReasons = await relatedFilmService.ofFilms(db, keys);
    const { result: bare, count } = await statements(() => relatedFilmService.ofFilms(db, keys.map((key) => ({ ...key, reasons: false }))));
    expect(count).toBeLessThanOrEqual(2);
    expect(bare.map((list) => list.map((r) => [r.filmId, r.score, r.film.title]))).toEqual(
      withReasons.map((list) => list.map((r) => [r.filmId, r.score, r.film.title])),
    );
    expect(withReasons.flat().every((r) => r.reasons.length > 0)).toBe(true);
    expect(bare.flat().every((r) => r.reasons.length === 0)).toBe(true);
  });

  it('cuts at first, per key, never lists the film itself, and batches', async () => {
    const { result, count } = await statements(() =>
      relatedFilmService.ofFilms(db, [
        { filmId: seed.id('Film', 'ballerina-2025'), first: 2 },
        { filmId: seed.id('Film', 'john-wick-2014'), first: 100 },
        { filmId: 'film_unknown' },
      ]),
    );
    expect(count).toBeLessThanOrEqual(2);
    expect(result[0].map((r) => name(r.filmId))).toEqual(['Film:john-wick-chapter-3-parabellum-2019', 'Film:john-wick-chapter-4-2023']);
    expect(result[1].map((r) => r.filmId)).not.toContain(seed.id('Film', 'john-wick-2014'));
    expect(result[1]).toHaveLength(13);
    expect(result[2]).toEqual([]);
  });
});
