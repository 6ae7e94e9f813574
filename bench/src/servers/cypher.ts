/**
 * The hand-written Cypher shared by the raw server (one statement per workload) and the
 * @neo4j/graphql type definitions (where a workload needs a traversal @neo4j/graphql cannot
 * express, the same statement runs as an @cypher field). Each restates Reelgraph's own ordering
 * rules (src/*\/*.service.ts and src/graph/*) so the three servers can be compared answer for answer.
 */

export const CAST_KINDS = ['ACTOR', 'SELF'];
export const CREW_ORDER = ['DIRECTOR', 'WRITER', 'PRODUCER', 'CINEMATOGRAPHER', 'COMPOSER', 'EDITOR', 'PRODUCTION_DESIGNER', 'CASTING_DIRECTOR', 'STUNTS', 'CREW'];
export const ROLE_KINDS = ['ACTOR', 'DIRECTOR', 'WRITER', 'PRODUCER', 'CINEMATOGRAPHER', 'COMPOSER', 'EDITOR', 'PRODUCTION_DESIGNER', 'CASTING_DIRECTOR', 'STUNTS', 'SELF', 'CREW'];

/** A review's score: round(100 × rating / scale), null when unrated. */
export const SCORE = (r: string) => `CASE WHEN ${r}.rating IS NULL OR coalesce(${r}.ratingScale, 0) = 0 THEN null ELSE toInteger(round(100.0 * ${r}.rating / ${r}.ratingScale)) END`;

/** Film.related's scoring (src/graph/related.service.ts): franchise 5, shared cast 2, shared crew 1.5, genre 0.5 each. Ends with rows of `other, score`, best first. */
export function relatedStatement(film: string, first: string): string {
  return `CALL (${film}) {
    CALL (${film}) {
      MATCH (${film})-[:IN_FRANCHISE]->(via:Franchise)<-[:IN_FRANCHISE]-(other:Film)
      RETURN other, 'SAME_FRANCHISE' AS kind, via
      UNION ALL
      MATCH (${film})<-[:ON_FILM]-(here:Role)<-[:HAS_ROLE]-(via:Person)-[:HAS_ROLE]->(there:Role)-[:ON_FILM]->(other:Film)
      WHERE other <> ${film}
      WITH other, via, collect(here.kind) AS hereKinds, collect(there.kind) AS thereKinds
      RETURN other, CASE WHEN any(k IN hereKinds WHERE k IN ['ACTOR', 'SELF']) AND any(k IN thereKinds WHERE k IN ['ACTOR', 'SELF'])
                         THEN 'SHARED_CAST' ELSE 'SHARED_CREW' END AS kind, via
    }
    WITH other, sum(CASE kind WHEN 'SAME_FRANCHISE' THEN 5.0 WHEN 'SHARED_CAST' THEN 2.0 ELSE 1.5 END) AS linkScore
    WITH other, linkScore + 0.5 * COUNT { (${film})-[:IN_GENRE]->(:Genre)<-[:IN_GENRE]-(other) } AS score
    ORDER BY score DESC, other.sortTitle, other.id
    LIMIT ${first}
    RETURN collect({other: other, score: score}) AS linked
  }
  WITH ${film}, linked, COUNT { (${film})-[:IN_GENRE]->(:Genre) } AS genres
  WITH ${film}, linked, genres, CASE WHEN size(linked) < ${first} THEN 0.0 ELSE linked[${first} - 1].score END AS last
  CALL (${film}, genres, last) {
    // Films sharing only genres score 0.5 a genre: counted only when they can reach the page.
    WITH ${film}, genres, CASE WHEN last <= 0.5 THEN 1 ELSE toInteger(ceil(last / 0.5)) END AS minShared
    WHERE genres > 0 AND ${first} > 0 AND minShared <= genres
    WITH ${film}, minShared, [(${film})-[:IN_FRANCHISE]->(f:Franchise) | f] AS franchises,
         [(${film})<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) | p] AS people
    MATCH (${film})-[:IN_GENRE]->(genre:Genre)<-[:IN_GENRE]-(other:Film)
    WHERE other <> ${film}
    WITH minShared, franchises, people, other, count(genre) AS shared
    WHERE shared >= minShared
      AND NOT EXISTS { (other)-[:IN_FRANCHISE]->(f:Franchise) WHERE f IN franchises }
      AND NOT EXISTS { (other)<-[:ON_FILM]-(:Role)<-[:HAS_ROLE]-(p:Person) WHERE p IN people }
    WITH other, shared ORDER BY shared DESC, other.sortTitle, other.id
    LIMIT ${first}
    RETURN collect({other: other, score: 0.5 * shared}) AS genreOnly
  }
  UNWIND linked + genreOnly AS hit
  WITH hit.other AS other, hit.score AS score ORDER BY score DESC, other.sortTitle, other.id
  LIMIT ${first}`;
}

/** Franchise.people(minFilms, first): most films first, then name, then id; people and films as map projections. */
export function franchisePeopleStatement(franchise: string, minFilms: string, first: string): string {
  return `CALL (${franchise}) {
    MATCH (${franchise})<-[:IN_FRANCHISE]-(film:Film)<-[:ON_FILM]-(role:Role)<-[:HAS_ROLE]-(person:Person)
    WITH person, film, collect(role.kind) AS kinds
    ORDER BY film.releaseDate IS NULL, film.releaseDate, film.sortTitle, film.id
    WITH person, collect(film) AS films, reduce(joined = [], k IN collect(kinds) | joined + k) AS kinds
    WHERE size(films) >= ${minFilms}
    ORDER BY size(films) DESC, person.sortName, person.name, person.id
    LIMIT ${first}
    RETURN collect({person: person {.id, .slug, .name}, films: [f IN films | f {.id, .slug, .title, .year}],
                    kinds: [k IN ${JSON.stringify(ROLE_KINDS).replace(/"/g, "'")} WHERE k IN kinds]}) AS people
  }`;
}

/**
 * A shortest path over credits only (person–film hops; a Role is not a hop): 2 relationships a hop.
 * The classic shortestPath(), as Reelgraph's own search uses: on a 10k-film graph it costs Neo4j
 * about a third of `SHORTEST 1` over the same quantified pattern.
 */
export function shortestCreditPathStatement(from: string, to: string, maxHops: number): string {
  return `MATCH (a:Person {id: ${from}}), (b:Person {id: ${to}})
    MATCH p = shortestPath((a)-[:HAS_ROLE|ON_FILM*1..${2 * maxHops}]-(b))`;
}

/**
 * The contract's search (src/search/search.service.ts): every term must match, the last also as a
 * prefix, in the name fields only (the index also holds popularity bands); equal scores by
 * popularity (src/model/popularity.ts: 0 where a label has none), then id. Fragments are [a-z0-9 ] words.
 */
export function searchStatement(text: string, first: string): string {
  return `WITH [w IN split(toLower(trim(${text})), ' ') WHERE w <> ''] AS terms
    WITH terms, [t IN terms | '(title:' + t + ' alternativeTitlesText:' + t + ' name:' + t + ')'] AS exact,
         [t IN terms | '(title:' + t + '* alternativeTitlesText:' + t + '* name:' + t + '*)'] AS starts
    WITH reduce(q = '', i IN range(0, size(terms) - 1) | q + CASE WHEN i = 0 THEN '' ELSE ' ' END + '+' +
         CASE WHEN i = size(terms) - 1 THEN '(' + exact[i] + ' OR ' + starts[i] + ')' ELSE exact[i] END) AS lucene
    CALL db.index.fulltext.queryNodes('entity_names', lucene) YIELD node, score
    WITH node, score ORDER BY score DESC, coalesce(node.popularity, 0) DESC, node.id
    LIMIT ${first}`;
}
