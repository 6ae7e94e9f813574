import { ServerName } from './servers/spawn';

/**
 * The seven workloads: for each server the HTTP request a parameter set becomes, and a normaliser
 * that maps each server's answer to one common shape. Order is kept where the API specifies it
 * (cast in billing order, filmography newest first, entries in story order, search by score,
 * browse pages, related by score) and sorted away where it does not (genres, crew, franchises).
 */

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'W7';
export const WORKLOAD_IDS: WorkloadId[] = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'];
export type Params = Record<string, string | number | null>;

/** What the running Reelgraph offers beyond the core contract (read from its schema at start). */
export interface Capabilities {
  franchisePeople: boolean;
  shortestPath: boolean;
  related: boolean;
}

export interface HttpRequest {
  /** Appended to the server's base URL (its GraphQL endpoint, or the raw server's root). */
  path: string;
  body: string;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  /** Requests one parameter set makes in sequence (W5: three pages by cursor). */
  steps: number;
  /** The request for step `step`; `previous` is the last answer (W5 reads its cursor). Null: the server cannot run it. */
  request(server: ServerName, params: Params, step: number, previous: unknown): HttpRequest | null;
  /** The cursor in a W5 answer. */
  cursor?(server: ServerName, answer: any): string | null;
  normalise(server: ServerName, answer: any): unknown;
  /** Why a server is n/a or adapted, for the report. */
  notes: Partial<Record<ServerName, string>>;
}

const gql = (query: string, variables: Params): string => JSON.stringify({ query, variables });
const first = <T>(list: T[] | T | null | undefined): T | null => (Array.isArray(list) ? list[0] ?? null : list ?? null);
const round = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const byFirst = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);

/** Which servers answer over GraphQL (Reelgraph and @neo4j/graphql) or plain JSON (raw). */
function post(server: ServerName, queries: { reelgraph: string; ngql: string }, workload: WorkloadId, params: Params): HttpRequest {
  if (server === 'raw') return { path: workload, body: JSON.stringify(params) };
  return { path: '', body: gql(server === 'reelgraph' ? queries.reelgraph : queries.ngql, params) };
}

// W1 ---------------------------------------------------------------------------------------------
const FILM_PAGE = {
  reelgraph: `query FilmPage($slug: String!) {
  film(slug: $slug) {
    id title year releaseDate runtimeMinutes
    genres { slug name }
    cast { id kind billingOrder characters person { id name slug } character { id name } }
    crew { id kind job person { id name slug } }
    franchises { kind chronologicalOrder franchise { id name slug } }
    reviews(first: 5) { nodes { id publication author rating ratingScale score publishedOn headline } }
    reviewSummary { count averageScore }
  }
}`,
  ngql: `query FilmPage($slug: String!) {
  films(where: { slug: { eq: $slug } }) {
    id title year releaseDate runtimeMinutes
    genres(sort: [{ name: ASC }]) { slug name }
    cast: roles(where: { kind: { in: [ACTOR, SELF] } }, sort: [{ billingOrder: ASC }, { id: ASC }]) {
      id kind billingOrder characters person { id name slug } character { id name }
    }
    crew: roles(where: { NOT: { kind: { in: [ACTOR, SELF] } } }) { id kind job person { id name slug } }
    franchisesConnection { edges { properties { kind chronologicalOrder } node { id name slug } } }
    reviews(sort: [{ publishedOn: DESC }, { id: ASC }], limit: 5) { id publication author rating ratingScale score publishedOn headline }
    reviewSummary { count averageScore }
  }
}`,
};

function normaliseFilmPage(server: ServerName, data: any): unknown {
  const film = server === 'neo4j-graphql' ? first(data?.films) : data?.film;
  if (!film) return null;
  const franchises =
    server === 'neo4j-graphql'
      ? film.franchisesConnection.edges.map((e: any) => [e.node.id, e.properties.kind, e.properties.chronologicalOrder ?? null])
      : film.franchises.map((f: any) => [f.franchise.id, f.kind, f.chronologicalOrder ?? null]);
  const reviews = server === 'neo4j-graphql' ? film.reviews : film.reviews.nodes;
  return {
    film: [film.id, film.title, film.year, film.releaseDate, film.runtimeMinutes],
    genres: film.genres.map((g: any) => g.slug).sort(),
    cast: film.cast.map((r: any) => [r.id, r.kind, r.billingOrder, r.characters ?? [], first(r.person)?.id, first(r.character)?.id ?? null]),
    crew: film.crew.map((r: any) => [r.id, r.kind, r.job ?? null, first(r.person)?.id]).sort(byFirst),
    franchises: franchises.sort(byFirst),
    reviews: reviews.map((r: any) => [r.id, r.publication, r.author, r.rating, r.ratingScale, r.score, r.publishedOn, r.headline]),
    reviewSummary: [film.reviewSummary.count, round(film.reviewSummary.averageScore, 6)],
  };
}

// W2 ---------------------------------------------------------------------------------------------
const FILMOGRAPHY = {
  reelgraph: `query Filmography($slug: String!) {
  person(slug: $slug) { id name roles(first: 50) { totalCount nodes { id kind film { id title year } } } }
}`,
  ngql: `query Filmography($slug: String!) {
  people(where: { slug: { eq: $slug } }) {
    id name
    rolesConnection { totalCount }
    filmography(first: 50) { id kind film { id title year } }
  }
}`,
};

function normaliseFilmography(server: ServerName, data: any): unknown {
  const person = server === 'neo4j-graphql' ? first(data?.people) : data?.person;
  if (!person) return null;
  const total = server === 'neo4j-graphql' ? person.rolesConnection.totalCount : person.roles.totalCount;
  const roles = server === 'neo4j-graphql' ? person.filmography : person.roles.nodes;
  return {
    person: [person.id, person.name, total],
    roles: roles.map((r: any) => {
      const film = first(r.film);
      return [r.id, r.kind, film?.id, film?.title, film?.year];
    }),
  };
}

// W3 ---------------------------------------------------------------------------------------------
const PEOPLE_SELECTION = 'people(minFilms: 2, first: 20) { person { id name } kinds films { id } }';
const franchisePage = (withPeople: boolean) => ({
  reelgraph: `query FranchisePage($slug: String!) {
  franchise(slug: $slug) {
    id name
    entries(order: CHRONOLOGICAL) { kind chronologicalOrder film { id title year } }
    ${withPeople ? PEOPLE_SELECTION : ''}
  }
}`,
  ngql: `query FranchisePage($slug: String!) {
  franchises(where: { slug: { eq: $slug } }) {
    id name
    filmsConnection(sort: [{ edge: { chronologicalOrder: ASC } }]) { edges { properties { kind chronologicalOrder } node { id title year } } }
    ${withPeople ? PEOPLE_SELECTION : ''}
  }
}`,
});

function normaliseFranchisePage(withPeople: boolean) {
  return (server: ServerName, data: any): unknown => {
    const franchise = server === 'neo4j-graphql' ? first(data?.franchises) : data?.franchise;
    if (!franchise) return null;
    const entries =
      server === 'neo4j-graphql'
        ? franchise.filmsConnection.edges.map((e: any) => [e.node.id, e.properties.kind, e.properties.chronologicalOrder ?? null, e.node.title, e.node.year])
        : franchise.entries.map((e: any) => [e.film.id, e.kind, e.chronologicalOrder ?? null, e.film.title, e.film.year]);
    return {
      franchise: [franchise.id, franchise.name],
      entries,
      people: withPeople ? franchise.people.map((p: any) => [p.person.id, p.kinds, p.films.map((f: any) => f.id)]) : 'not compared',
    };
  };
}

// W4 ---------------------------------------------------------------------------------------------
const SEARCH = {
  reelgraph: `query Search($query: String!) {
  search(query: $query, first: 10) {
    score
    entity { __typename id ... on Film { title } ... on Person { name } ... on Franchise { name } ... on Character { name } ... on Genre { name } }
  }
}`,
  ngql: `query Search($query: String!) {
  search(query: $query, first: 10) {
    score
    entity {
      __typename
      ... on Film { id title } ... on Person { id name } ... on Franchise { id name } ... on Character { id name } ... on Genre { id name }
    }
  }
}`,
};

function normaliseSearch(_server: ServerName, data: any): unknown {
  return (data?.search ?? []).map((hit: any) => [hit.entity.__typename, hit.entity.id, hit.entity.title ?? hit.entity.name, round(hit.score, 4)]);
}

// W5 ---------------------------------------------------------------------------------------------
const BROWSE = {
  reelgraph: `query Browse($genre: String!, $yearFrom: Int!, $yearTo: Int!, $after: String) {
  films(filter: { genres: [$genre], yearFrom: $yearFrom, yearTo: $yearTo }, orderBy: { field: RELEASE_DATE, direction: DESC }, first: 20, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id title year releaseDate }
  }
}`,
  ngql: `query Browse($genre: String!, $yearFrom: Int!, $yearTo: Int!, $after: String) {
  filmsConnection(
    first: 20, after: $after,
    where: { genres: { some: { slug: { eq: $genre } } }, year: { gte: $yearFrom, lte: $yearTo } },
    sort: [{ releaseDate: DESC }, { id: ASC }]
  ) {
    pageInfo { hasNextPage endCursor }
    edges { node { id title year releaseDate } }
  }
}`,
};

/** Reelgraph's `films` and the raw server's answer have the same shape; @neo4j/graphql's is a connection of edges. */
function browseConnection(server: ServerName, data: any): any {
  return server === 'neo4j-graphql' ? data?.filmsConnection : data?.films;
}

function normaliseBrowse(server: ServerName, data: any): unknown {
  const connection = browseConnection(server, data);
  if (!connection) return null;
  const nodes = server === 'neo4j-graphql' ? connection.edges.map((e: any) => e.node) : connection.nodes;
  return { hasNextPage: connection.pageInfo.hasNextPage, films: nodes.map((f: any) => [f.id, f.title, f.year, f.releaseDate]) };
}

// W6 ---------------------------------------------------------------------------------------------
const PATH = {
  reelgraph: `query Path($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to, maxHops: 6, via: [CREDIT]) { length nodes { id } }
}`,
  ngql: `query Path($from: ID!, $to: ID!) {
  shortestCreditPath(from: $from, to: $to) { length nodes { ... on Person { id } ... on Film { id } } }
}`,
};

/** Which of several equally short paths comes back is not specified: the length and the ends are. */
function normalisePath(server: ServerName, data: any): unknown {
  const path = server === 'neo4j-graphql' ? data?.shortestCreditPath : data?.shortestPath;
  if (!path) return null;
  const ids = path.nodes.map((n: any) => n.id);
  return { length: path.length, entities: ids.length, from: ids[0], to: ids[ids.length - 1] };
}

// W7 ---------------------------------------------------------------------------------------------
const RELATED = {
  reelgraph: `query Related($slug: String!) {
  film(slug: $slug) { id related(first: 10) { score film { id title } } }
}`,
  ngql: `query Related($slug: String!) {
  films(where: { slug: { eq: $slug } }) { id related(first: 10) { score film { id title } } }
}`,
};

function normaliseRelated(server: ServerName, data: any): unknown {
  const film = server === 'neo4j-graphql' ? first(data?.films) : data?.film;
  if (!film) return null;
  return film.related.map((r: any) => [first(r.film)?.id, first(r.film)?.title, round(r.score, 6)]);
}

// ------------------------------------------------------------------------------------------------

export function workloads(capabilities: Capabilities): Workload[] {
  const franchise = franchisePage(capabilities.franchisePeople);
  const notYet = (what: string) => `n/a: ${what} is not in Reelgraph's schema yet`;
  return [
    {
      id: 'W1',
      title: 'film page',
      steps: 1,
      request: (server, params) => post(server, FILM_PAGE, 'W1', params),
      normalise: normaliseFilmPage,
      notes: { 'neo4j-graphql': 'reviewSummary and Review.score as @cypher fields (no such aggregate)' },
    },
    {
      id: 'W2',
      title: 'filmography',
      steps: 1,
      request: (server, params) => post(server, FILMOGRAPHY, 'W2', params),
      normalise: normaliseFilmography,
      notes: { 'neo4j-graphql': "@cypher Person.filmography: a relationship sort cannot order by the film's date" },
    },
    {
      id: 'W3',
      title: 'franchise page',
      steps: 1,
      request: (server, params) => post(server, franchise, 'W3', params),
      normalise: normaliseFranchisePage(capabilities.franchisePeople),
      notes: capabilities.franchisePeople
        ? { 'neo4j-graphql': '@cypher Franchise.people' }
        : { reelgraph: 'Franchise.people not in the schema yet: all three measured on entries only' },
    },
    {
      id: 'W4',
      title: 'search',
      steps: 1,
      request: (server, params) => post(server, SEARCH, 'W4', params),
      normalise: normaliseSearch,
      notes: { 'neo4j-graphql': '@cypher Query.search: @fulltext queries one type at a time, the index spans five' },
    },
    {
      id: 'W5',
      title: 'browse (3 pages)',
      steps: 3,
      request(server, params, step, previous) {
        const after = step === 0 ? null : this.cursor!(server, previous);
        return post(server, BROWSE, 'W5', { ...params, after });
      },
      cursor: (server, answer) => browseConnection(server, answer?.data)?.pageInfo?.endCursor ?? null,
      normalise: normaliseBrowse,
      notes: {},
    },
    {
      id: 'W6',
      title: 'shortest path',
      steps: 1,
      request: (server, params) => (server === 'reelgraph' && !capabilities.shortestPath ? null : post(server, PATH, 'W6', params)),
      normalise: normalisePath,
      notes: {
        'neo4j-graphql': '@cypher Query.shortestCreditPath',
        ...(capabilities.shortestPath ? {} : { reelgraph: notYet('Query.shortestPath') }),
      },
    },
    {
      id: 'W7',
      title: 'related films',
      steps: 1,
      request: (server, params) => (server === 'reelgraph' && !capabilities.related ? null : post(server, RELATED, 'W7', params)),
      normalise: normaliseRelated,
      notes: {
        'neo4j-graphql': '@cypher Film.related (the same scoring)',
        ...(capabilities.related ? {} : { reelgraph: notYet('Film.related') }),
      },
    },
  ];
}
