import http from 'node:http';
import { AddressInfo } from 'node:net';
import neo4j, { Driver, Session } from 'neo4j-driver';
import { CAST_KINDS, CREW_ORDER, franchisePeopleStatement, relatedStatement, SCORE, searchStatement, shortestCreditPathStatement } from './cypher';
import { RunningServer } from './neo4j-graphql';

/**
 * The floor to compare against: a bare node:http endpoint, one hand-written Cypher statement per
 * workload, answering the same JSON as Reelgraph's GraphQL response (`{"data": …}`), no GraphQL.
 * POST /W1 … /W7 with the workload's variables as the body.
 */
const STATEMENTS: Record<string, string> = {
  W1: `MATCH (f:Film {slug: $slug})
    CALL (f) { MATCH (f)-[:IN_GENRE]->(g:Genre) WITH g ORDER BY g.name RETURN collect(g {.slug, .name}) AS genres }
    CALL (f) {
      MATCH (f)<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person) WHERE r.kind IN $castKinds
      OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
      WITH r, p, c ORDER BY r.billingOrder IS NULL, r.billingOrder, p.name, r.id
      RETURN collect({id: r.id, kind: r.kind, billingOrder: r.billingOrder, characters: coalesce(r.characters, []),
        person: p {.id, .name, .slug}, character: CASE WHEN c IS NULL THEN null ELSE c {.id, .name} END}) AS cast
    }
    CALL (f) {
      MATCH (f)<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person) WHERE NOT r.kind IN $castKinds
      WITH r, p ORDER BY [i IN range(0, size($crewOrder) - 1) WHERE $crewOrder[i] = r.kind][0], r.billingOrder IS NULL, r.billingOrder, p.name, r.id
      RETURN collect({id: r.id, kind: r.kind, job: r.job, person: p {.id, .name, .slug}}) AS crew
    }
    CALL (f) {
      MATCH (f)-[e:IN_FRANCHISE]->(fr:Franchise) WITH e, fr ORDER BY fr.name
      RETURN collect({kind: e.kind, chronologicalOrder: e.chronologicalOrder, franchise: fr {.id, .name, .slug}}) AS franchises
    }
    CALL (f) {
      MATCH (r:Review)-[:REVIEWS]->(f)
      WITH r ORDER BY r.publishedOn IS NULL, r.publishedOn DESC, r.id LIMIT 5
      RETURN collect(r {.id, .publication, .author, .rating, .ratingScale, score: ${SCORE('r')},
        publishedOn: toString(r.publishedOn), .headline}) AS reviews
    }
    CALL (f) {
      MATCH (r:Review)-[:REVIEWS]->(f)
      RETURN {count: count(r), averageScore: avg(${SCORE('r')})} AS reviewSummary
    }
    RETURN {film: f {.id, .title, .year, releaseDate: toString(f.releaseDate), .runtimeMinutes, genres: genres, cast: cast,
      crew: crew, franchises: franchises, reviews: {nodes: reviews}, reviewSummary: reviewSummary}} AS data`,

  W2: `MATCH (p:Person {slug: $slug})
    CALL (p) {
      MATCH (p)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
      WITH r, f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.year DESC, f.title, r.kind, r.id LIMIT $first
      RETURN collect({id: r.id, kind: r.kind, film: f {.id, .title, .year}}) AS nodes
    }
    RETURN {person: p {.id, .name, roles: {totalCount: COUNT { (p)-[:HAS_ROLE]->(:Role) }, nodes: nodes}}} AS data`,

  W3: `MATCH (fr:Franchise {slug: $slug})
    CALL (fr) {
      MATCH (f:Film)-[e:IN_FRANCHISE]->(fr)
      WITH f, e ORDER BY e.chronologicalOrder IS NULL, e.chronologicalOrder, f.releaseDate IS NULL, f.releaseDate, f.title, f.id
      RETURN collect({kind: e.kind, chronologicalOrder: e.chronologicalOrder, film: f {.id, .title, .year}}) AS entries
    }
    ${franchisePeopleStatement('fr', '$minFilms', '$first')}
    RETURN {franchise: fr {.id, .name, entries: entries,
      people: people}} AS data`,

  W4: `${searchStatement('$query', '$first')}
    RETURN {search: collect({score: score, entity: {__typename: [l IN ['Film', 'Person', 'Franchise', 'Character', 'Genre'] WHERE l IN labels(node)][0],
      id: node.id, title: node.title, name: node.name}})} AS data`,

  W5: `MATCH (f:Film)-[:IN_GENRE]->(:Genre {slug: $genre})
    WHERE f.year >= $yearFrom AND f.year <= $yearTo
    WITH f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.id SKIP $offset LIMIT $first + 1
    WITH collect(f {.id, .title, .year, releaseDate: toString(f.releaseDate)}) AS films
    RETURN {films: {pageInfo: {hasNextPage: size(films) > $first, endCursor: CASE WHEN size(films) = 0 THEN null ELSE toString($offset + size(films[..$first])) END},
      nodes: films[..$first]}} AS data`,

  W6: `OPTIONAL CALL () {
      ${shortestCreditPathStatement('$from', '$to', 6)}
      RETURN {length: length(p) / 2, nodes: [n IN nodes(p) WHERE NOT n:Role | {id: n.id}]} AS path
    }
    RETURN {shortestPath: path} AS data`,

  W7: `MATCH (film:Film {slug: $slug})
    CALL (film) {
      ${relatedStatement('film', '$first')}
      RETURN collect({score: score, film: other {.id, .title}}) AS related
    }
    RETURN {film: film {.id, related: related}} AS data`,
};

const DEFAULTS: Record<string, Record<string, unknown>> = {
  W1: { castKinds: CAST_KINDS, crewOrder: CREW_ORDER },
  W2: { first: 50 },
  W3: { minFilms: 2, first: 20 },
  W4: { first: 10 },
  W5: { first: 20 },
  W6: {},
  W7: { first: 10 },
};

/** What a workload answers when its entity does not exist (the statement then returns no row). */
const EMPTY: Record<string, unknown> = { W1: { film: null }, W2: { person: null }, W3: { franchise: null }, W4: { search: [] }, W7: { film: null } };

export async function startRawServer(driver: Driver, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const workload = (req.url ?? '/').slice(1);
    const statement = STATEMENTS[workload];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!statement || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `POST /W1 … /W7` }] }));
      return;
    }
    const variables = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const params: Record<string, unknown> = { ...DEFAULTS[workload], ...variables };
    if (workload === 'W5') params.offset = variables.after ? Number(variables.after) : 0;
    // JSON numbers reach Cypher as floats unless marked; LIMIT and SKIP need integers.
    for (const [key, value] of Object.entries(params)) if (Number.isInteger(value)) params[key] = neo4j.int(value as number);
    const session: Session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(statement, params), { timeout: 10_000 });
      const data = result.records.length > 0 ? result.records[0].get('data') : EMPTY[workload];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    } finally {
      await session.close();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
