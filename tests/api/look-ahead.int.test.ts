import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * A film, person or franchise looked up by key fetches what the request selects of its page in
 * one statement. The answers must be exactly those of the loader path, which the same selection
 * takes when it reaches the entity through a list instead.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

async function run(query: string, variables?: Record<string, unknown>): Promise<{ data: any; statements: number }> {
  const before = api.db.statementCount;
  const data = dataOf(await api.query(query, variables));
  return { data, statements: api.db.statementCount - before };
}

const FILM_PAGE = `
  id title year releaseDate runtimeMinutes ratings { source value }
  genres { slug name }
  directors { name }
  cast { id kind billingOrder characters person { id name slug } character { id name } }
  crew { id kind job person { id name } }
  franchises { kind chronologicalOrder releaseOrder franchise { name slug } }
  reviews(first: 5) { totalCount nodes { id publication score publishedOn } pageInfo { hasNextPage endCursor } }
  reviewSummary { count averageScore }
  related(first: 3) { score film { title } }`;

it('answers a whole film page in one statement, exactly as the loaders do', async () => {
  const page = await run(`{ film(slug: "ballerina-2025") { ${FILM_PAGE} } }`);
  expect(page.statements).toBe(1);
  const film = page.data.film;
  expect(film.title).toBe('Ballerina');
  expect(film.directors.map((d: any) => d.name)).toEqual(['Len Wiseman']);
  expect(film.cast[0].person.name).toBe('Ana de Armas');
  expect(film.franchises.map((f: any) => f.franchise.name)).toEqual(['John Wick']);
  expect(film.reviewSummary.count).toBe(1);
  expect(film.related.map((r: any) => [r.film.title, r.score])).toEqual([
    ['John Wick: Chapter 3 – Parabellum', 20],
    ['John Wick: Chapter 4', 18],
    ['John Wick: Chapter 2', 16.5],
  ]);

  const listed = await run(`{ films(filter: { titleContains: "Ballerina" }) { nodes { ${FILM_PAGE} } } }`);
  expect(listed.statements).toBeGreaterThan(1);
  expect(listed.data.films.nodes).toEqual([film]);
});

it('resolves the reasons of related films on demand, the same as the loaders do', async () => {
  const selection = `related(first: 3) { score film { title } reasons { kind via { id ... on Franchise { name } ... on Person { name } } } }`;
  const page = await run(`{ film(slug: "ballerina-2025") { ${selection} } }`);
  const reasons = page.data.film.related[0].reasons;
  expect(reasons[0]).toEqual({ kind: 'SAME_FRANCHISE', via: expect.objectContaining({ name: 'John Wick' }) });
  const listed = await run(`{ films(filter: { titleContains: "Ballerina" }) { nodes { ${selection} } } }`);
  expect(listed.data.films.nodes).toEqual([page.data.film]);

  // Without reasons the scoring skips them; both aliases must still rank the same films.
  const both = await run(`{ film(slug: "ballerina-2025") { bare: related(first: 5) { score film { title } } full: related(first: 5) { score film { title } reasons { kind } } } }`);
  expect(both.data.film.bare).toEqual(both.data.film.full.map(({ score, film }: any) => ({ score, film })));
  expect(both.data.film.full.every((r: any) => r.reasons.length > 0)).toBe(true);
});

it('reads related films and filmography films only as far as they are shown, without short-changing other lookups', async () => {
  const whole = `id title year overview runtimeMinutes alternativeTitles ratings { source value } externalIds { imdb }`;
  const parabellum = (await run(`{ film(slug: "john-wick-chapter-3-parabellum-2019") { ${whole} } }`)).data.film;
  expect(parabellum.runtimeMinutes).toBeGreaterThan(0);
  expect(parabellum.externalIds.imdb).toMatch(/^tt/);

  // The related list shows only titles; the same film reached later in the same request, through
  // the franchise's entries, is whole.
  const shownWhole = `franchises { franchise { entries { film { ${whole} } } } }`;
  const related = await run(`{ film(slug: "ballerina-2025") { related(first: 3) { film { title } } ${shownWhole} } }`);
  expect(related.data.film.related[0].film).toEqual({ title: parabellum.title });
  const entries = related.data.film.franchises[0].franchise.entries.map((e: any) => e.film);
  expect(entries).toContainEqual(parabellum);

  // The same, for a filmography showing only titles and the franchises of the same person.
  const keanu = await run(`{ person(slug: "keanu-reeves") { roles(first: 20) { nodes { film { id title } } } franchises { films { ${whole} } } } }`);
  expect(keanu.data.person.roles.nodes.map((r: any) => r.film.id)).toContain(parabellum.id);
  expect(keanu.data.person.franchises.flatMap((f: any) => f.films)).toContainEqual(parabellum);

  // And for a franchise page whose entries and people show only titles.
  const franchise = await run(`{ franchise(slug: "john-wick") { entries { film { title } } people(minFilms: 4, first: 1) { films { title } person { franchises { films { ${whole} } } } } } }`);
  const [reeves] = franchise.data.franchise.people;
  expect(reeves.films.map((f: any) => f.title)).toContain(parabellum.title);
  expect(reeves.person.franchises.flatMap((f: any) => f.films)).toContainEqual(parabellum);

  // And the other way round: the filmography's films read whole by one field, in part by another.
  const twice = await run(`{ person(slug: "keanu-reeves") { roles(first: 3) { nodes { film { title } } } } people(filter: { nameContains: "Keanu Reeves" }) { nodes { roles(first: 3) { nodes { film { title runtimeMinutes externalIds { imdb } } } } } } }`);
  const shown = twice.data.people.nodes[0].roles.nodes.map((r: any) => r.film);
  expect(twice.data.person.roles.nodes.map((r: any) => r.film.title)).toEqual(shown.map((f: any) => f.title));
  expect(shown.every((f: any) => f.runtimeMinutes > 0 && /^tt/.test(f.externalIds.imdb))).toBe(true);
});

it('reads a browsing page\'s films only as far as they are shown, through nodes and through edges', async () => {
  const whole = `id title year releaseDate overview runtimeMinutes alternativeTitles ratings { source value } externalIds { imdb } genres { slug }`;
  const browse = `films(filter: { genres: ["action"], yearFrom: 2014 }, orderBy: { field: RELEASE_DATE, direction: DESC }, first: 6)`;
  const one = (await run(`{ ${browse} { edges { node { ${whole} } } } }`)).data.films.edges.map((e: any) => e.node);
  expect(one.length).toBeGreaterThan(3);
  for (const film of one) expect((await run(`{ film(id: "${film.id}") { ${whole} } }`)).data.film).toEqual(film);

  const shown = await run(`{ ${browse} { nodes { title year } pageInfo { hasNextPage } } }`);
  expect(shown.data.films.nodes).toEqual(one.map(({ title, year }: any) => ({ title, year })));
  const both = await run(`{ ${browse} { nodes { title } edges { node { runtimeMinutes externalIds { imdb } } } } }`);
  expect(both.data.films.edges.map((e: any) => e.node)).toEqual(one.map(({ runtimeMinutes, externalIds }: any) => ({ runtimeMinutes, externalIds })));
});

it('reads a film page\'s film, people and reviews only as far as they are shown, without short-changing other lookups', async () => {
  const wholeFilm = `title overview runtimeMinutes alternativeTitles externalIds { imdb }`;
  const wholePerson = `id slug name birthYear professions externalIds { imdb }`;
  const wholeReview = `id publication author url publishedOn rating ratingScale score headline body`;
  const alone = (await run(`{ film(slug: "ballerina-2025") { ${wholeFilm} reviews(first: 5) { nodes { ${wholeReview} } } } person(slug: "keanu-reeves") { ${wholePerson} } }`)).data;
  expect(alone.film.alternativeTitles.length).toBeGreaterThan(0);
  expect(alone.film.reviews.nodes[0].body.length).toBeGreaterThan(0);
  expect(alone.person.externalIds.imdb).toBe('nm0000206');

  // The page shows the title, the cast's names and the reviews' publications; the same film, its
  // roles and its reviews, reached again in the same request through its franchise, show all.
  const page = await run(`{ film(slug: "ballerina-2025") {
    title
    cast { person { name } }
    reviews(first: 5) { nodes { publication } }
    franchises { franchise { entries { film { slug ${wholeFilm} cast { person { ${wholePerson} } } reviews(first: 5) { nodes { ${wholeReview} } } } } } }
  } }`);
  const { film } = page.data;
  expect(film.title).toBe(alone.film.title);
  expect(film.cast.map((role: any) => role.person.name)).toContain('Keanu Reeves');
  expect(film.reviews.nodes).toEqual([{ publication: alone.film.reviews.nodes[0].publication }]);
  const again = film.franchises[0].franchise.entries.map((entry: any) => entry.film).find((f: any) => f.slug === 'ballerina-2025');
  expect(again).toMatchObject({ ...alone.film, reviews: { nodes: alone.film.reviews.nodes } });
  expect(again.cast.map((role: any) => role.person)).toContainEqual(alone.person);
});

it('answers a filmography page in one statement, exactly as the loaders do', async () => {
  const selection = `name roles(first: 5, kinds: [ACTOR]) { totalCount nodes { kind characters film { title year } } pageInfo { hasNextPage } }`;
  const page = await run(`{ person(slug: "keanu-reeves") { ${selection} } }`);
  expect(page.statements).toBe(1);
  const person = page.data.person;
  expect(person.roles.nodes).toHaveLength(5);
  expect(person.roles.nodes[0].film.title).toBe('Ballerina');
  expect(person.roles.pageInfo.hasNextPage).toBe(true);

  const listed = await run(`{ people(filter: { nameContains: "Keanu Reeves" }) { nodes { ${selection} } } }`);
  expect(listed.data.people.nodes).toEqual([person]);
});

it('answers a franchise page, entries and people, in one statement, exactly as the loaders do', async () => {
  const selection = `name
    entries(order: CHRONOLOGICAL) { kind chronologicalOrder releaseOrder film { title year } }
    people(minFilms: 5, first: 10) { person { name } kinds films { title } }`;
  const page = await run(`{ franchise(slug: "john-wick") { ${selection} } }`);
  expect(page.statements).toBe(1);
  const franchise = page.data.franchise;
  expect(franchise.entries.map((e: any) => e.film.title)).toContain('Ballerina');
  expect(franchise.people).toHaveLength(5);
  expect(franchise.people.map((p: any) => p.person.name)).toContain('Keanu Reeves');

  const listed = await run(`{ franchises(first: 20) { nodes { slug ${selection} } } }`);
  const same = listed.data.franchises.nodes.find((f: any) => f.slug === 'john-wick');
  expect({ ...same, slug: undefined }).toEqual({ ...franchise, slug: undefined });
});

it('answers search hits with their entities in one statement', async () => {
  const { data, statements } = await run(`{ search(query: "wick", first: 10) { entity { __typename id ... on Film { title } ... on Franchise { name } } } }`);
  expect(statements).toBe(1);
  const names = data.search.map((hit: any) => hit.entity.title ?? hit.entity.name);
  expect(names).toContain('John Wick');
  expect(names).toContain('John Wick: Chapter 4');
});

it('reads search hits only as far as they are shown, without short-changing other lookups', async () => {
  // The hits show a title or a name; the same film and person, reached again below them, are whole.
  const film = await run(`{ search(query: "ballerina", types: [FILM], first: 1) { entity { id ... on Film { title
    franchises { franchise { entries { film { id runtimeMinutes externalIds { imdb } } } } } } } } }`);
  const ballerina = film.data.search[0].entity;
  expect(ballerina.title).toBe('Ballerina');
  const again = ballerina.franchises[0].franchise.entries.map((entry: any) => entry.film).find((f: any) => f.id === ballerina.id);
  expect(again).toEqual({ id: ballerina.id, runtimeMinutes: 125, externalIds: { imdb: 'tt7181546' } });

  const person = await run(`{ search(query: "keanu reeves", types: [PERSON], first: 1) { entity { id ... on Person { name
    roles(first: 1) { nodes { film { cast { person { id externalIds { imdb } } } } } } } } } }`);
  const keanu = person.data.search[0].entity;
  expect(keanu.name).toBe('Keanu Reeves');
  const cast = keanu.roles.nodes[0].film.cast.map((role: any) => role.person);
  expect(cast).toContainEqual({ id: keanu.id, externalIds: { imdb: 'nm0000206' } });
});

it('reads the films and people along a path only as far as they are shown, without short-changing other lookups', async () => {
  const ids = (await run(`{ wiseman: person(slug: "len-wiseman") { id } keanu: person(slug: "keanu-reeves") { id } }`)).data;
  const path = await run(`query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, via: [CREDIT]) { length
    nodes { id ... on Person { name } ... on Film { title cast { person { id externalIds { imdb } } } } } } }`, { from: ids.wiseman.id, to: ids.keanu.id });
  const { length, nodes } = path.data.shortestPath;
  expect(length).toBe(2);
  expect([nodes[0].name, nodes[2].name]).toEqual(['Len Wiseman', 'Keanu Reeves']);
  // The film between them shows its cast; Keanu Reeves, a node read in part, is whole there.
  expect(nodes[1].cast.map((role: any) => role.person)).toContainEqual({ id: ids.keanu.id, externalIds: { imdb: 'nm0000206' } });
});

it('follows fragments and keeps aliases with different pages apart', async () => {
  const { data } = await run(`
    query { film(slug: "john-wick-2014") { ...Page } }
    fragment Page on Film {
      title
      first: reviews(first: 1) { nodes { id } }
      all: reviews(first: 10) { totalCount }
      ... on Film { cast { person { name } } }
    }`);
  expect(data.film.title).toBe('John Wick');
  expect(data.film.cast[0].person.name).toBe('Keanu Reeves');
  expect(data.film.first.nodes.length).toBeLessThanOrEqual(1);
  expect(data.film.all.totalCount).toBeGreaterThanOrEqual(data.film.first.nodes.length);
});

it('leaves a bad page argument to the field that has it, with its own error', async () => {
  const response = await api.query(`{ film(slug: "ballerina-2025") { title reviews(first: -1) { totalCount } } }`);
  const errors = (response as any).errors;
  expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(errors[0].path).toEqual(['film', 'reviews']);
  expect(errors[0].message).toMatch(/first must be between 0 and/);
});

// A miss looks once more, in the redirects of old slugs and merged ids; a hit never does.
it('says null for a film, person or franchise that does not exist, in two statements each', async () => {
  const { data, statements } = await run(`{
    film(slug: "no-such-film") { cast { id } }
    person(slug: "no-such-person") { roles { totalCount } }
    franchise(slug: "no-such-franchise") { entries { kind } }
  }`);
  expect(data).toEqual({ film: null, person: null, franchise: null });
  expect(statements).toBe(6);
});
