import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { CharacterResolver } from '../character/character.resolver';
import { CONNECTION_RESOLVERS } from '../common/connection.type';
import { NodeResolver } from '../common/node.resolver';
import { FilmResolver } from '../film/film.resolver';
import { FranchiseEntryResolver, FranchiseResolver } from '../franchise/franchise.resolver';
import { GenreResolver } from '../genre/genre.resolver';
import { FilmGraphResolver, FranchiseGraphResolver, PathResolver, PersonGraphResolver, RelatedReasonResolver, ReviewGraphResolver } from '../graph/graph.resolver';
import { PersonResolver } from '../person/person.resolver';
import { ReviewResolver } from '../review/review.resolver';
import { RoleResolver } from '../role/role.resolver';
import { SearchResolver } from '../search/search.resolver';

export const RESOLVERS = [
  NodeResolver,
  FilmResolver,
  PersonResolver,
  RoleResolver,
  FranchiseResolver,
  FranchiseEntryResolver,
  CharacterResolver,
  GenreResolver,
  ReviewResolver,
  SearchResolver,
  PathResolver,
  PersonGraphResolver,
  FilmGraphResolver,
  FranchiseGraphResolver,
  RelatedReasonResolver,
  ReviewGraphResolver,
] as const;

let cached: GraphQLSchema | undefined;

export function buildReelgraphSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: [...RESOLVERS, ...CONNECTION_RESOLVERS] as [Function, ...Function[]],
    // Arguments are checked by hand where the contract says how (first, cursors, exactly-one keys).
    validate: false,
    // Nullable by default would widen the contract's non-null fields; each field says what it is.
    nullableByDefault: false,
  });
  return cached;
}

/** The SDL as checked in at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printReelgraphSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildReelgraphSchema()))}\n`;
}
