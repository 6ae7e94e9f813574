import { Database } from '../../src/db/database';
import { importDocument } from '../../src/ingest/json-import';
import { linkMentions } from '../../src/mentions/mention.linker';
import { mentionService } from '../../src/mentions/mention.service';
import { loadSeed } from '../../src/seed/seed';
import { resetToSeed, testDatabase } from '../support/neo4j';
import { SeedIds, seedIds } from '../support/seed-ids';

let db: Database;
let seed: SeedIds;
let ballerinaReview: string;
beforeAll(async () => {
  db = testDatabase();
  await resetToSeed(db);
  seed = await seedIds(db);
  [{ id: ballerinaReview }] = await db.read<{ id: string }>(`MATCH (r:Review {publication: 'Cinema from the Spectrum'}) RETURN r.id AS id`);
});
afterAll(() => db.close());

const named = (mentions: { entityId: string; label: string; text: string }[]) => mentions.map((m) => [seed.name(m.entityId), m.text]);

describe('review mentions', () => {
  // The seed review of Ballerina, in order: "Len Wiseman's Ballerina carries the John Wick
  // franchise … Ana de Armas, whose Eve Macarro … Chad Stahelski and David Leitch … Dan Laustsen …
  // Gabriel Byrne …". "John Wick" names a film, a franchise and a character; "franchise" after it
  // decides. "the series", "the villain", "fans" name nothing.
  const BALLERINA_REVIEW = [
    ['Person:len-wiseman', 'Len Wiseman'],
    ['Film:ballerina-2025', 'Ballerina'],
    ['Franchise:john-wick', 'John Wick'],
    ['Person:ana-de-armas', 'Ana de Armas'],
    ['Character:eve-macarro', 'Eve Macarro'],
    ['Person:chad-stahelski', 'Chad Stahelski'],
    ['Person:david-leitch', 'David Leitch'],
    ['Person:dan-laustsen', 'Dan Laustsen'],
    ['Person:gabriel-byrne', 'Gabriel Byrne'],
  ];

  it('are linked when the seed is imported, in the order the text names them', async () => {
    const [mentions] = await mentionService.ofReviews(db, [ballerinaReview]);
    expect(named(mentions)).toEqual(BALLERINA_REVIEW);
    expect(mentions.map((m) => m.label)).toEqual(['Person', 'Film', 'Franchise', 'Person', 'Character', 'Person', 'Person', 'Person', 'Person']);
  });

  it('are replaced, not added to, when the review is written again', async () => {
    await loadSeed(db);
    const [{ count }] = await db.read<{ count: number }>('MATCH (:Review)-[m:MENTIONS]->() RETURN count(m) AS count');
    expect(count).toBe(BALLERINA_REVIEW.length);

    await db.write(`MATCH (r:Review {id: $id}) SET r.body = 'Only Gabriel Byrne is worth it.'`, { id: ballerinaReview });
    await db.writeTx((tx) => linkMentions(tx, [ballerinaReview]));
    expect(named((await mentionService.ofReviews(db, [ballerinaReview]))[0])).toEqual([['Person:gabriel-byrne', 'Gabriel Byrne']]);

    await loadSeed(db);
    expect(named((await mentionService.ofReviews(db, [ballerinaReview]))[0])).toEqual(BALLERINA_REVIEW);
  });

  it('are linked by every import, with the context rules deciding shared names', async () => {
    await importDocument(db, {
      format: 'reelgraph',
      version: 1,
      films: [{ ref: 'quiet', title: 'A Quiet Film', releaseDate: '2026-01-09' }],
      reviews: [
        {
          ref: 'quiet-review',
          film: 'quiet',
          publication: 'The Test Desk',
          publishedOn: '2026-01-10',
          body:
            'Keanu Reeves as John Wick is the draw, but fans of the Underworld series will know Underworld: Evolution ' +
            "better than this. A ballerina cameo, the director's cut and a JOHN WICK: CHAPTER 4 poster round it out; " +
            'Chad Stahelski is thanked.',
        },
      ],
    });
    const [{ id }] = await db.read<{ id: string }>(`MATCH (r:Review {publication: 'The Test Desk'}) RETURN r.id AS id`);
    const [mentions] = await mentionService.ofReviews(db, [id]);
    expect(named(mentions)).toEqual([
      ['Person:keanu-reeves', 'Keanu Reeves'],
      ['Character:john-wick', 'John Wick'],
      ['Franchise:underworld', 'Underworld'],
      ['Film:underworld-evolution-2006', 'Underworld: Evolution'],
      ['Film:john-wick-chapter-4-2023', 'JOHN WICK: CHAPTER 4'],
      ['Person:chad-stahelski', 'Chad Stahelski'],
    ]);
  });

  it('answer mentionedIn newest first with a total, one statement for many entities', async () => {
    const before = db.statementCount;
    const [chad, ballerina, keanu, nobody, paged] = await mentionService.mentionedIn(db, [
      { entityId: seed.id('Person', 'chad-stahelski'), offset: 0, limit: 10 },
      { entityId: seed.id('Film', 'ballerina-2025'), offset: 0, limit: 10 },
      { entityId: seed.id('Person', 'keanu-reeves'), offset: 0, limit: 10 },
      { entityId: 'person_nobody', offset: 0, limit: 10 },
      { entityId: seed.id('Person', 'chad-stahelski'), offset: 0, limit: 1 },
    ]);
    expect(db.statementCount - before).toBe(1);
    const [{ id: quietReview }] = await db.read<{ id: string }>(`MATCH (r:Review {publication: 'The Test Desk'}) RETURN r.id AS id`);
    // The Test Desk's review is dated, the seed review is not: dated first.
    expect(chad).toEqual({ reviewIds: [quietReview, ballerinaReview], totalCount: 2 });
    expect(ballerina).toEqual({ reviewIds: [ballerinaReview], totalCount: 1 });
    expect(keanu).toEqual({ reviewIds: [quietReview], totalCount: 1 });
    expect(nobody).toEqual({ reviewIds: [], totalCount: 0 });
    // limit + 1 ids: the extra one says a next page exists.
    expect(paged).toEqual({ reviewIds: [quietReview, ballerinaReview], totalCount: 2 });
  });

  it('leave mentionedIn of Chad Stahelski at the seed review alone once the seed is back', async () => {
    await resetToSeed(db);
    seed = await seedIds(db);
    [{ id: ballerinaReview }] = await db.read<{ id: string }>(`MATCH (r:Review) RETURN r.id AS id`);
    expect(await mentionService.mentionedIn(db, [{ entityId: seed.id('Person', 'chad-stahelski'), offset: 0, limit: 20 }])).toEqual([
      { reviewIds: [ballerinaReview], totalCount: 1 },
    ]);
  });
});
