import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/** What a writer checks: who made a film, who played whom, uncredited work, a filmography. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

describe('credits, as a writer looks them up', () => {
  it('lists Ballerina’s cast in billing order with the characters played', async () => {
    const { film } = dataOf(
      await api.query(`{ film(slug: "ballerina-2025") {
        title year runtimeMinutes alternativeTitles externalIds { imdb }
        cast { billingOrder kind credited characters person { name } character { name } }
        directors { name }
        crew { kind job person { name } }
      } }`),
    );
    expect(film.title).toBe('Ballerina');
    expect(film.year).toBe(2025);
    expect(film.runtimeMinutes).toBe(125);
    expect(film.alternativeTitles).toEqual(['From the World of John Wick: Ballerina']);
    expect(film.externalIds.imdb).toBe('tt7181546');
    expect(film.cast.map((r: any) => [r.billingOrder, r.person.name, r.characters[0], r.character?.name ?? null])).toEqual([
      [1, 'Ana de Armas', 'Eve Macarro', 'Eve Macarro'],
      [2, 'Anjelica Huston', 'The Director', 'The Director'],
      [3, 'Gabriel Byrne', 'The Chancellor', 'The Chancellor'],
      [4, 'Lance Reddick', 'Charon', 'Charon'],
      [5, 'Norman Reedus', 'Daniel Pine', null],
      [6, 'Ian McShane', 'Winston', 'Winston Scott'],
      [7, 'Keanu Reeves', 'John Wick', 'John Wick'],
    ]);
    expect(film.directors.map((p: any) => p.name)).toEqual(['Len Wiseman']);
    // Directors first, then writers, then producers; the screenplay credit keeps its wording.
    expect(film.crew.map((r: any) => `${r.kind} ${r.person.name}${r.job ? ` (${r.job})` : ''}`)).toEqual([
      'DIRECTOR Len Wiseman',
      'WRITER Shay Hatten (screenplay)',
      'PRODUCER Basil Iwanyk',
      'PRODUCER Chad Stahelski',
      'PRODUCER Erica Lee',
    ]);
  });

  it('shows David Leitch as John Wick’s uncredited co-director', async () => {
    const { film } = dataOf(
      await api.query(`{ film(imdbId: "tt2911666") { title crew(kinds: [DIRECTOR]) { credited person { name } } directors { name } } }`),
    );
    expect(film.title).toBe('John Wick');
    expect(film.crew.map((r: any) => [r.person.name, r.credited])).toEqual([
      ['Chad Stahelski', true],
      ['David Leitch', false],
    ]);
    expect(film.directors.map((p: any) => p.name).sort()).toEqual(['Chad Stahelski', 'David Leitch']);
  });

  it('gives Len Wiseman’s filmography newest first', async () => {
    const { person } = dataOf(
      await api.query(`{ person(slug: "len-wiseman") { name roles { totalCount nodes { kind film { title year } } } } }`),
    );
    expect(person.roles.totalCount).toBe(4);
    expect(person.roles.nodes.map((r: any) => `${r.film.year} ${r.film.title} ${r.kind}`)).toEqual([
      '2025 Ballerina DIRECTOR',
      '2007 Live Free or Die Hard DIRECTOR',
      '2006 Underworld: Evolution DIRECTOR',
      '2003 Underworld DIRECTOR',
    ]);
  });

  it('narrows a filmography by kind and pages through it', async () => {
    const all = dataOf(await api.query(`{ person(slug: "chad-stahelski") { roles { nodes { kind film { title } } } } }`));
    expect(all.person.roles.nodes.map((r: any) => `${r.kind} ${r.film.title}`)).toEqual([
      'PRODUCER Ballerina',
      'DIRECTOR John Wick: Chapter 4',
      'PRODUCER John Wick: Chapter 4',
      'DIRECTOR John Wick: Chapter 3 – Parabellum',
      'DIRECTOR John Wick: Chapter 2',
      'DIRECTOR John Wick',
      'STUNTS The Matrix',
    ]);
    const stunts = dataOf(await api.query(`{ person(slug: "chad-stahelski") { roles(kinds: [STUNTS]) { totalCount nodes { job film { title } } } } }`));
    expect(stunts.person.roles).toEqual({ totalCount: 1, nodes: [{ job: 'stunt double', film: { title: 'The Matrix' } }] });
  });

  it('follows a recurring character across films and actors', async () => {
    const { character } = dataOf(
      await api.query(`{ character(slug: "winston-scott") { name franchise { name } portrayals { characters person { name } film { title } } } }`),
    );
    expect(character.name).toBe('Winston Scott');
    expect(character.franchise.name).toBe('John Wick');
    expect(character.portrayals.map((r: any) => r.film.title)).toEqual([
      'John Wick',
      'John Wick: Chapter 2',
      'John Wick: Chapter 3 – Parabellum',
      'John Wick: Chapter 4',
      'Ballerina',
    ]);
    expect(new Set(character.portrayals.map((r: any) => r.person.name))).toEqual(new Set(['Ian McShane']));
    expect(character.portrayals[0].characters).toEqual(['Winston']);
  });

  it('summarises reviews with the contract’s score rule', async () => {
    const { film } = dataOf(
      await api.query(`{ film(slug: "ballerina-2025") { reviewSummary { count averageScore }
        reviews { totalCount nodes { publication rating ratingScale score author publishedOn film { title } } } } }`),
    );
    expect(film.reviewSummary).toEqual({ count: 1, averageScore: 70 });
    expect(film.reviews.nodes).toEqual([
      { publication: 'Cinema from the Spectrum', rating: 3.5, ratingScale: 5, score: 70, author: null, publishedOn: null, film: { title: 'Ballerina' } },
    ]);
  });
});
