import { Params } from '../../src/db/database';
import { LABELS } from '../../src/model/graph';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';

/**
 * The Cypher the main requests send, pinned: statement text and parameters as inline snapshots,
 * so a change to what the database is asked shows in review. Requests go through the API as
 * users send them; ids (random per seed load) are shown as `<label id>`. A snapshot that changes
 * on purpose is rewritten with `npx jest tests/cypher -u`.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await resetToSeed(api.db);
});
afterAll(() => api.close());

const ID = new RegExp(`^(${LABELS.map((label) => label.toLowerCase()).join('|')})_[0-9a-f]{32}$`);

function masked(value: unknown): unknown {
  if (typeof value === 'string') {
    if (ID.test(value)) return `<${value.slice(0, value.indexOf('_'))} id>`;
    // Element ids name the database, which differs from run to run.
    return /^\d+:[0-9a-f-]{36}:\d+$/.test(value) ? '<element id>' : value;
  }
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

/** The statements a request sends, one string each: the text without its indentation, then the parameters. */
async function statementsOf(query: string, variables?: Record<string, unknown>): Promise<string[]> {
  const sent: { cypher: string; params: Params }[] = [];
  const stop = api.db.watch((cypher, params) => sent.push({ cypher, params }));
  try {
    dataOf(await api.query(query, variables));
  } finally {
    stop();
  }
  return sent.map(({ cypher, params }) => {
    const text = cypher
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .join('\n');
    return `${text}\n-- params ${JSON.stringify(masked(params))}`;
  });
}

async function idOf(slug: string, type: 'film' | 'person'): Promise<string> {
  const data = dataOf(
    await api.query(`query ($slug: String!) { ${type}(slug: $slug) { id } }`, {
      slug,
    }),
  );
  return data[type].id;
}

it('a film page is one statement', async () => {
  expect(
    await statementsOf(`{
      film(slug: "ballerina-2025") {
        title year
        directors { name }
        cast { billingOrder characters person { name } character { name } }
        reviews(first: 2) { nodes { headline score } }
        related(first: 3) { score film { title } }
      }
    }`),
  ).toMatchInlineSnapshot(`
    [
      "MATCH (f:Film {slug: $value}) WITH f, f AS film, {first: $relatedFirst, reasons: $relatedReasons} AS key CALL (film, key) {
    CALL (film) {
    CALL (film) {
    MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
    RETURN other, 'SAME_FRANCHISE' AS kind, via
    UNION ALL
    MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
    WHERE other <> film
    // A person with several roles on either film is one link: cast when in both casts.
    WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
    RETURN other, CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
    THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via }
    WITH film, other, sum($weights[kind]) AS score
    WITH other, score + $weights.SHARED_GENRE * COUNT { (film)-[:IN_GENRE]->(:Genre)<-[:IN_GENRE]-(other) } AS score
    ORDER BY score DESC, other.sortTitle, other.id
    RETURN collect({other: other, score: score}) AS ranked
    }
    CALL (film, ranked, key) {
    UNWIND ranked[..key.first] AS hit
    WITH film, key, hit.other AS other, hit.score AS score
    CALL (film, other, key) {
    WITH film, other WHERE key.reasons
    CALL (film, other) {
    MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
    RETURN 'SAME_FRANCHISE' AS kind, via
    UNION ALL
    MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
    WHERE other <> film
    // A person with several roles on either film is one link: cast when in both casts.
    WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
    RETURN CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
    THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via
    UNION ALL
    MATCH (film)-[:IN_GENRE]->(via:Genre)<-[:IN_GENRE]-(other)
    RETURN 'SHARED_GENRE' AS kind, via
    }
    WITH kind, via ORDER BY CASE kind WHEN 'SHARED_GENRE' THEN via.name ELSE coalesce(via.sortName, via.folded, toLower(via.name)) END, via.id
    RETURN collect({kind: kind, viaId: via.id, viaLabel: [label IN $viaLabels WHERE label IN labels(via)][0]}) AS reasons
    }
    RETURN collect({filmId: other.id, score: score, reasons: reasons, sortTitle: other.sortTitle, film: other {.id, .title}}) AS related
    }
    RETURN related } RETURN f {.id, .title, .year} AS film, COLLECT {
    MATCH (f)<-[:ON_FILM]-(r:Role)<-[:HAS_ROLE]-(p:Person)
    OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
    RETURN {role: r {.id, .kind, .job, jobs: coalesce(r.jobs, CASE WHEN r.job IS NULL THEN [] ELSE [r.job] END), characters: coalesce(r.characters, []), .billingOrder,
    credited: coalesce(r.credited, true), personId: p.id, filmId: f.id,
    characterId: c.id, personName: p.name, version: coalesce(r.version, 1)}, person: p {.id, .name}, character: CASE WHEN c IS NULL THEN null ELSE c {.id, .slug, .name, version: coalesce(c.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy} END}
    } AS credits, {reviews: COLLECT {
    MATCH (r:Review)-[:REVIEWS]->(f)
    WITH r ORDER BY r.publishedOn IS NULL, r.publishedOn DESC, r.id SKIP $reviewOffset LIMIT $reviewLimit
    RETURN r {.id, .rating, .ratingScale, .headline, filmId: f.id}
    }, total: COUNT { (:Review)-[:REVIEWS]->(f) }} AS reviews, {spread: {catalogue: COUNT { MATCH (:Film) }, genres: [(f)-[:IN_GENRE]->(g:Genre) | COUNT { (g)<-[:IN_GENRE]-() }]}, related: related} AS related
    -- params {"value":"ballerina-2025","reviewOffset":0,"reviewLimit":3,"relatedFirst":3,"relatedReasons":false,"castKinds":["ACTOR","SELF"],"weights":{"SAME_FRANCHISE":5,"SHARED_CAST":2,"SHARED_CREW":1.5,"SHARED_GENRE":0.5},"viaLabels":["Franchise","Person","Genre"]}",
    ]
  `);
});

it('a filmography page is one statement', async () => {
  expect(await statementsOf(`{ person(slug: "len-wiseman") { name roles(first: 5) { totalCount nodes { kind film { title year } } } } }`))
    .toMatchInlineSnapshot(`
    [
      "MATCH (p:Person {slug: $value}) RETURN p {.id, .slug, .name, .birthYear, .deathYear, professions: coalesce(p.professions, []), .imdbId, .tmdbId, .wikidataId, popularity: coalesce(p.popularity, 0), version: coalesce(p.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy} AS person, {credits: COLLECT {
    MATCH (p)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
    WHERE $roleKinds IS NULL OR r.kind IN $roleKinds
    WITH r, f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.year DESC, f.title, r.kind, r.id
    SKIP $roleOffset LIMIT $roleLimit
    OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
    RETURN {role: r {.id, .kind, .job, jobs: coalesce(r.jobs, CASE WHEN r.job IS NULL THEN [] ELSE [r.job] END), characters: coalesce(r.characters, []), .billingOrder,
    credited: coalesce(r.credited, true), personId: p.id, filmId: f.id,
    characterId: c.id, personName: p.name, version: coalesce(r.version, 1)}, film: f {.id, .title, .year}}
    }, total: COUNT { (p)-[:HAS_ROLE]->(r:Role) WHERE $roleKinds IS NULL OR r.kind IN $roleKinds }} AS filmography
    -- params {"value":"len-wiseman","roleKinds":null,"roleOffset":0,"roleLimit":6}",
    ]
  `);
});

it('a franchise page is one statement', async () => {
  expect(
    await statementsOf(`{
      franchise(slug: "john-wick") {
        name
        entries(order: CHRONOLOGICAL) { chronologicalOrder releaseOrder film { title } }
        people(minFilms: 5) { kinds person { name } }
      }
    }`),
  ).toMatchInlineSnapshot(`
    [
      "MATCH (fr:Franchise {slug: $value}) WITH fr, $peopleKey AS key CALL (fr, key) { MATCH (fr)<-[:IN_FRANCHISE]-(film:Film)<-[:ON_FILM]-(role:Role)<-[:HAS_ROLE]-(person:Person)
    WHERE key.kinds IS NULL OR role.kind IN key.kinds
    WITH person, film, collect(role.kind) AS kinds
    ORDER BY film.releaseDate IS NULL, film.releaseDate, film.sortTitle, film.id
    WITH person, collect(film.id) AS filmIds, reduce(joined = [], k IN collect(kinds) | joined + k) AS kinds
    WHERE size(filmIds) >= key.minFilms
    ORDER BY size(filmIds) DESC, person.sortName, person.name, person.id
    WITH collect({personId: person.id, kinds: kinds, filmIds: filmIds, person: person {.id, .slug, .name, .birthYear, .deathYear, professions: coalesce(person.professions, []), .imdbId, .tmdbId, .wikidataId, popularity: coalesce(person.popularity, 0), version: coalesce(person.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}}) AS ranked
    RETURN ranked[..key.first] AS people } RETURN fr {.id, .slug, .name, .description, version: coalesce(fr.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy} AS franchise, COLLECT {
    MATCH (f:Film)-[e:IN_FRANCHISE]->(fr)
    WITH f, e ORDER BY f.releaseDate IS NULL, f.releaseDate, f.title, f.id
    RETURN {franchiseId: fr.id, filmId: f.id, kind: e.kind, chronologicalOrder: e.chronologicalOrder,
    dated: f.releaseDate IS NOT NULL, film: f {.id, .title}}
    } AS entries, people
    -- params {"value":"john-wick","peopleKey":{"franchiseId":"","kinds":null,"minFilms":5,"first":20}}",
    ]
  `);
});

it('a search is one statement when its tie ends within the best hundred scores', async () => {
  expect(await statementsOf(`{ search(query: "skarsgard", first: 5) { score entity { __typename ... on Person { name } } } }`))
    .toMatchInlineSnapshot(`
    [
      "CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $reach}) YIELD node, score
    WITH node, score ORDER BY score DESC
    WITH collect({node: node, score: score}) AS hits
    WITH hits, CASE WHEN size(hits) >= $limit THEN hits[$limit - 1].score END AS lowest
    WITH hits, lowest, lowest IS NULL OR size(hits) < $reach OR hits[-1].score < lowest AS complete
    WITH hits, lowest, complete,
    any(hit IN hits WHERE hit.score = lowest AND any(label IN labels(hit.node) WHERE label IN $ranked)) AS rankedTie
    UNWIND hits AS hit
    WITH lowest, complete, rankedTie, hit.node AS node, hit.score AS score
    WITH lowest, complete, rankedTie, node, score ORDER BY score DESC, coalesce(node.popularity, 0) DESC, node.id LIMIT $limit
    RETURN lowest, complete, rankedTie, score, node.id AS id, coalesce(node.popularity, 0) AS popularity,
    [name IN [node.title, node.name] + coalesce(node.alternativeTitles, []) WHERE name IS NOT NULL] AS names,
    CASE
    WHEN node:Film THEN node {.id}
    WHEN node:Person THEN node {.id, .name}
    WHEN node:Franchise THEN node {.id, .slug, .name, .description, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN node:Character THEN node {.id, .slug, .name, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN node:Genre THEN node {.id, .slug, .name, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    END AS entity
    -- params {"query":"+((title:skarsgard alternativeTitlesText:skarsgard name:skarsgard) OR (title:skarsgard* alternativeTitlesText:skarsgard* name:skarsgard*))","reach":100,"limit":5,"ranked":["Film","Person"]}",
    ]
  `);
});

it('a short prefix first asks the index whether its tie is worth walking the popularity index', async () => {
  expect(await statementsOf(`{ search(query: "ke", first: 3, types: [PERSON]) { score entity { __typename ... on Person { name } } } }`))
    .toMatchInlineSnapshot(`
    [
      "CALL () {
    CALL db.index.fulltext.queryNodes('entity_names', $untied, {limit: 1}) YIELD node
    RETURN count(node) > 0 AS untied
    }
    CALL () {
    CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $crowd}) YIELD node
    RETURN count(node) >= $crowd AS crowded
    }
    CALL (untied, crowded) {
    WITH untied WHERE crowded AND NOT untied
    CALL () {
    MATCH (n:Person) WHERE n.popularity >= 0 WITH n ORDER BY n.popularity DESC LIMIT $window
    WITH n WHERE n.folded =~ $pattern
    WITH n ORDER BY n.popularity DESC, n.id LIMIT $limit
    RETURN 'Person' AS label, n.id AS id, coalesce(n.popularity, 0) AS popularity,
    [name IN [n.title, n.name] + coalesce(n.alternativeTitles, []) WHERE name IS NOT NULL] AS names,
    CASE
    WHEN n:Film THEN n {.id}
    WHEN n:Person THEN n {.id, .name}
    WHEN n:Franchise THEN n {.id, .slug, .name, .description, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN n:Character THEN n {.id, .slug, .name, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN n:Genre THEN n {.id, .slug, .name, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    END AS entity
    }
    RETURN collect({label: label, id: id, popularity: popularity, names: names, entity: entity}) AS hits
    }
    RETURN untied, crowded, hits
    -- params {"untied":"ke (+title:ke* +alternativeTitlesText:ke*)","query":"+((title:ke alternativeTitlesText:ke name:ke) OR (title:ke* alternativeTitlesText:ke* name:ke*))","crowd":1000,"pattern":"(?s).*(?<![\\\\p{L}\\\\p{N}_])(?<![\\\\p{L}&&[^\\\\p{IsHan}\\\\p{IsHiragana}\\\\p{IsKatakana}]][:·.'‘’‧])ke.*","window":500,"limit":3}",
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
    WHERE any(label IN labels(node) WHERE label IN $labels)
    WITH node, score ORDER BY score DESC, coalesce(node.popularity, 0) DESC, node.id LIMIT $limit
    RETURN score, node.id AS id, coalesce(node.popularity, 0) AS popularity,
    [name IN [node.title, node.name] + coalesce(node.alternativeTitles, []) WHERE name IS NOT NULL] AS names,
    CASE
    WHEN node:Film THEN node {.id}
    WHEN node:Person THEN node {.id, .name}
    WHEN node:Franchise THEN node {.id, .slug, .name, .description, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN node:Character THEN node {.id, .slug, .name, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN node:Genre THEN node {.id, .slug, .name, version: coalesce(node.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    END AS entity
    -- params {"query":"+((title:ke alternativeTitlesText:ke name:ke) OR (title:ke* alternativeTitlesText:ke* name:ke*))","labels":["Person"],"limit":3}",
    ]
  `);
});

it('a browsing page is one statement, and its count one more', async () => {
  expect(
    await statementsOf(`{
      films(filter: { genres: ["action"], yearFrom: 2018 }, orderBy: { field: RELEASE_DATE, direction: DESC }, first: 3) {
        totalCount
        nodes { title year }
      }
    }`),
  ).toMatchInlineSnapshot(`
    [
      "MATCH (f:Film)-[:IN_GENRE]->(:Genre {slug: $anchorGenre}) WHERE f.year >= $yearFrom
    WITH f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.id SKIP $offset LIMIT $limit
    RETURN f {.id, .title, .year} AS film
    -- params {"anchorGenre":"action","yearFrom":2018,"offset":0,"limit":4}",
      "MATCH (f:Film)-[:IN_GENRE]->(:Genre {slug: $anchorGenre}) WHERE f.year >= $yearFrom RETURN count(DISTINCT f) AS count
    -- params {"anchorGenre":"action","yearFrom":2018}",
    ]
  `);
});

it('a shortest path with the roles along it', async () => {
  const [from, to] = [await idOf('len-wiseman', 'person'), await idOf('keanu-reeves', 'person')];
  expect(
    await statementsOf(
      `query ($from: ID!, $to: ID!) {
        shortestPath(from: $from, to: $to) { length nodes { ... on Person { name } ... on Film { title } } steps { role { kind } } }
      }`,
      { from, to },
    ),
  ).toMatchInlineSnapshot(`
    [
      "MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
    MATCH p = shortestPath((a)-[:HAS_ROLE|ON_FILM|PLAYS|IN_FRANCHISE|PART_OF|FROM_FRANCHISE*1..12]-(b))
    RETURN [n IN nodes(p) | {id: n.id, label: coalesce([label IN $labels WHERE label IN labels(n)][0], 'Role'),
    personId: CASE WHEN n:Role THEN head([(person:Person)-[:HAS_ROLE]->(n) | person.id]) END,
    entity: CASE
    WHEN n:Film THEN n {.id, .title}
    WHEN n:Person THEN n {.id, .name}
    WHEN n:Franchise THEN n {.id, .slug, .name, .description, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN n:Character THEN n {.id, .slug, .name, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    WHEN n:Genre THEN n {.id, .slug, .name, version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy}
    END}] AS nodes, length(p) AS relationships
    -- params {"fromId":"<person id>","toId":"<person id>","labels":["Person","Film","Franchise","Character","Genre"]}",
      "UNWIND $hops AS hop
    MATCH (person:Person {id: hop.person})
    CALL (hop) { MATCH (other:Film {id: hop.other}) RETURN other UNION MATCH (other:Character {id: hop.other}) RETURN other }
    CALL (person, other) {
    // Both ends bound, so the planner can start from the film or character: a busy person
    // has far more roles than a film has credits.
    MATCH (person)-[:HAS_ROLE]->(r:Role)-[:ON_FILM|PLAYS]->(other)
    OPTIONAL MATCH (r)-[:ON_FILM]->(film:Film)
    WITH r, film
    ORDER BY [i IN range(0, size($kinds) - 1) WHERE $kinds[i] = r.kind][0], r.billingOrder IS NULL, r.billingOrder,
    film.releaseDate IS NULL, film.releaseDate, r.id
    RETURN head(collect(r.id)) AS roleId
    }
    RETURN hop.person AS person, hop.other AS other, roleId
    -- params {"hops":[{"person":"<person id>","other":"<film id>"},{"person":"<person id>","other":"<film id>"}],"kinds":["ACTOR","DIRECTOR","WRITER","PRODUCER","CINEMATOGRAPHER","COMPOSER","EDITOR","PRODUCTION_DESIGNER","CASTING_DIRECTOR","STUNTS","SELF","CREW"]}",
      "UNWIND $ids AS id
    MATCH (p:Person)-[:HAS_ROLE]->(r:Role {id: id})-[:ON_FILM]->(f:Film)
    OPTIONAL MATCH (r)-[:PLAYS]->(c:Character)
    RETURN id AS key, r {.id, .kind, .job, jobs: coalesce(r.jobs, CASE WHEN r.job IS NULL THEN [] ELSE [r.job] END), characters: coalesce(r.characters, []), .billingOrder,
    credited: coalesce(r.credited, true), personId: p.id, filmId: f.id,
    characterId: c.id, personName: p.name, version: coalesce(r.version, 1)} AS value
    -- params {"ids":["<role id>","<role id>"]}",
    ]
  `);
});

it('related films through their loader, with reasons', async () => {
  const id = await idOf('ballerina-2025', 'film');
  expect(
    await statementsOf(
      `query ($id: ID!) { node(id: $id) { ... on Film { related(first: 3) { score reasons { kind } film { title } } } } }`,
      { id },
    ),
  ).toMatchInlineSnapshot(`
    [
      "UNWIND $values AS value
    MATCH (n:Film {id: value})
    RETURN value AS key, n {.id, .slug, .title, .originalTitle, alternativeTitles: coalesce(n.alternativeTitles, []), .akaTitles, .akaRegions, .akaLanguages, .akaTypes, releaseDate: toString(n.releaseDate), .year, .runtimeMinutes, .overview, .imdbId, .tmdbId, .wikidataId, .ratingSources, .ratingValues, .ratingScales, .ratingVotes, popularity: coalesce(n.popularity, 0), version: coalesce(n.version, 1), .createdAt, .createdBy, .updatedAt, .updatedBy} AS value
    -- params {"values":["<film id>"]}",
      "UNWIND $keys AS key
    MATCH (film:Film {id: key.filmId})
    CALL (film, key) {
    CALL (film) {
    CALL (film) {
    MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
    RETURN other, 'SAME_FRANCHISE' AS kind, via
    UNION ALL
    MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
    WHERE other <> film
    // A person with several roles on either film is one link: cast when in both casts.
    WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
    RETURN other, CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
    THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via }
    WITH film, other, sum($weights[kind]) AS score
    WITH other, score + $weights.SHARED_GENRE * COUNT { (film)-[:IN_GENRE]->(:Genre)<-[:IN_GENRE]-(other) } AS score
    ORDER BY score DESC, other.sortTitle, other.id
    RETURN collect({other: other, score: score}) AS ranked
    }
    CALL (film, ranked, key) {
    UNWIND ranked[..key.first] AS hit
    WITH film, key, hit.other AS other, hit.score AS score
    CALL (film, other, key) {
    WITH film, other WHERE key.reasons
    CALL (film, other) {
    MATCH (film)-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
    RETURN 'SAME_FRANCHISE' AS kind, via
    UNION ALL
    MATCH (film)<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
    WHERE other <> film
    // A person with several roles on either film is one link: cast when in both casts.
    WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
    RETURN CASE WHEN any(k IN hereKinds WHERE k IN $castKinds) AND any(k IN thereKinds WHERE k IN $castKinds)
    THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via
    UNION ALL
    MATCH (film)-[:IN_GENRE]->(via:Genre)<-[:IN_GENRE]-(other)
    RETURN 'SHARED_GENRE' AS kind, via
    }
    WITH kind, via ORDER BY CASE kind WHEN 'SHARED_GENRE' THEN via.name ELSE coalesce(via.sortName, via.folded, toLower(via.name)) END, via.id
    RETURN collect({kind: kind, viaId: via.id, viaLabel: [label IN $viaLabels WHERE label IN labels(via)][0]}) AS reasons
    }
    RETURN collect({filmId: other.id, score: score, reasons: reasons, sortTitle: other.sortTitle, film: other {.id, .title}}) AS related
    }
    RETURN related }
    RETURN key.i AS i, {catalogue: COUNT { MATCH (:Film) }, genres: [(film)-[:IN_GENRE]->(g:Genre) | COUNT { (g)<-[:IN_GENRE]-() }]} AS spread, related
    -- params {"keys":[{"i":0,"filmId":"<film id>","first":3,"reasons":true,"films":["id","title"]}],"castKinds":["ACTOR","SELF"],"weights":{"SAME_FRANCHISE":5,"SHARED_CAST":2,"SHARED_CREW":1.5,"SHARED_GENRE":0.5},"viaLabels":["Franchise","Person","Genre"]}",
    ]
  `);
});
