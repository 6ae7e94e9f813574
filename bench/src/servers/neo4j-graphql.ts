import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { franchisePeopleStatement, relatedStatement, SCORE, searchStatement, shortestCreditPathStatement } from './cypher';

/**
 * The same graph model for @neo4j/graphql 7, written as its documentation recommends: one @node type
 * per label, @relationship fields (lists: v7 has no single-node relationships), IN_FRANCHISE's
 * properties as a @relationshipProperties type, and @cypher fields for what the generated API
 * cannot express: the review summary's score rule, a filmography ordered by the film's date,
 * people on at least n of a franchise's films, full-text search over five labels, shortest paths
 * and related films.
 *
 * @cypher fields that return a type without @node get the statement's value as it is: nodes nested
 * in it are not resolved (their fields come back null), so those statements return map projections
 * of the nested nodes (with `__resolveType` for unions), and only the projected fields can be
 * selected there. That is the library's limit, noted in the report as "adapted".
 */
export const TYPE_DEFS = /* GraphQL */ `
  enum RoleKind { ACTOR DIRECTOR WRITER PRODUCER CINEMATOGRAPHER COMPOSER EDITOR PRODUCTION_DESIGNER CASTING_DIRECTOR STUNTS SELF CREW }
  enum FranchiseEntryKind { MAIN SPIN_OFF OTHER }

  type Film @node {
    id: ID!
    slug: String!
    title: String!
    sortTitle: String
    year: Int
    releaseDate: Date
    runtimeMinutes: Int
    genres: [Genre!]! @relationship(type: "IN_GENRE", direction: OUT)
    roles: [Role!]! @relationship(type: "ON_FILM", direction: IN)
    franchises: [Franchise!]! @relationship(type: "IN_FRANCHISE", direction: OUT, properties: "InFranchise")
    reviews: [Review!]! @relationship(type: "REVIEWS", direction: IN)
    reviewSummary: ReviewSummary!
      @cypher(
        statement: """
        OPTIONAL MATCH (r:Review)-[:REVIEWS]->(this)
        RETURN {count: count(r), averageScore: avg(${SCORE('r')})} AS summary
        """
        columnName: "summary"
      )
    related(first: Int = 10): [RelatedFilm!]!
      @cypher(
        statement: """
        ${relatedStatement('this', '$first')}
        RETURN {film: other {.id, .slug, .title, .year}, score: score} AS related
        """
        columnName: "related"
      )
  }

  type InFranchise @relationshipProperties {
    kind: FranchiseEntryKind!
    chronologicalOrder: Int
  }

  type ReviewSummary {
    count: Int!
    averageScore: Float
  }

  type RelatedFilm {
    film: Film!
    score: Float!
  }

  type Role @node {
    id: ID!
    kind: RoleKind!
    job: String
    characters: [String!]
    billingOrder: Int
    credited: Boolean
    person: [Person!]! @relationship(type: "HAS_ROLE", direction: IN)
    film: [Film!]! @relationship(type: "ON_FILM", direction: OUT)
    character: [Character!]! @relationship(type: "PLAYS", direction: OUT)
  }

  type Person @node {
    id: ID!
    slug: String!
    name: String!
    sortName: String
    roles: [Role!]! @relationship(type: "HAS_ROLE", direction: OUT)
    "Newest film first: the order needs the film's date, which a relationship sort cannot reach."
    filmography(first: Int = 50): [Role!]!
      @cypher(
        statement: """
        MATCH (this)-[:HAS_ROLE]->(r:Role)-[:ON_FILM]->(f:Film)
        WITH r, f ORDER BY f.releaseDate IS NULL, f.releaseDate DESC, f.year DESC, f.title, r.kind, r.id
        LIMIT $first
        RETURN r
        """
        columnName: "r"
      )
  }

  type Character @node {
    id: ID!
    slug: String!
    name: String!
  }

  type Genre @node {
    id: ID!
    slug: String!
    name: String!
  }

  type Franchise @node {
    id: ID!
    slug: String!
    name: String!
    films: [Film!]! @relationship(type: "IN_FRANCHISE", direction: IN, properties: "InFranchise")
    people(minFilms: Int = 2, first: Int = 20): [FranchisePerson!]!
      @cypher(
        statement: """
        ${franchisePeopleStatement('this', '$minFilms', '$first')}
        UNWIND people AS person
        RETURN person
        """
        columnName: "person"
      )
  }

  type FranchisePerson {
    person: Person!
    kinds: [RoleKind!]!
    films: [Film!]!
  }

  type Review @node {
    id: ID!
    publication: String
    author: String
    rating: Float
    ratingScale: Float
    publishedOn: Date
    headline: String
    score: Int @cypher(statement: "RETURN ${SCORE('this')} AS score", columnName: "score")
  }

  union SearchEntity = Film | Person | Franchise | Character | Genre

  type SearchHit {
    entity: SearchEntity!
    score: Float!
  }

  type PathResult {
    length: Int!
    nodes: [PathEntity!]!
  }

  union PathEntity = Film | Person

  type Query {
    search(query: String!, first: Int = 10): [SearchHit!]!
      @cypher(
        statement: """
        ${searchStatement('$query', '$first')}
        RETURN {entity: node {.id, .slug, .title, .name, __resolveType: [l IN ['Film', 'Person', 'Franchise', 'Character', 'Genre'] WHERE l IN labels(node)][0]},
                score: score} AS hit
        """
        columnName: "hit"
      )
    "Credits only (person and film hops); null when no path is within maxHops."
    shortestCreditPath(from: ID!, to: ID!): PathResult
      @cypher(
        statement: """
        ${shortestCreditPathStatement('$from', '$to', 6)}
        RETURN {length: length(p) / 2,
                nodes: [n IN nodes(p) WHERE NOT n:Role | n {.id, .slug, .name, .title, __resolveType: CASE WHEN n:Person THEN 'Person' ELSE 'Film' END}]} AS path
        """
        columnName: "path"
      )
  }
`;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startNeo4jGraphqlServer(driver: Driver, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver });
  const schema = await neoSchema.getSchema();
  const server = new ApolloServer({ schema, introspection: true });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url, stop: () => server.stop() };
}

/** A driver as each server makes its own: the pool size Reelgraph uses; plain numbers for the raw server. */
export function benchDriver(uri: string, options: { plainNumbers?: boolean } = {}): Driver {
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? '';
  return neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
    maxConnectionPoolSize: 100,
    disableLosslessIntegers: options.plainNumbers ?? false,
    userAgent: 'reelgraph-bench/0.1',
  });
}
