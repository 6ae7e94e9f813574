import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, PubSub } from 'type-graphql';
import { ViewerResolver } from '../auth/viewer.resolver';
import { ChangeResolver, HISTORY_RESOLVERS } from '../changes/change.resolver';
import { ChangeCursorResolver } from '../changes/change.type';
import { ChangeSubscription } from '../changes/change.subscription';
import { FilmMutations } from '../film/film.mutations';
import { PersonMutations } from '../person/person.mutations';
import { CreditMutations } from '../role/credit.mutations';
import { ReviewMutations } from '../review/review.mutations';
import { FranchiseMutations } from '../franchise/franchise.mutations';
import { CharacterMutations } from '../character/character.mutations';
import { GenreMutations } from '../genre/genre.mutations';
import { CharacterResolver } from '../character/character.resolver';
import { CONNECTION_RESOLVERS } from '../common/connection.type';
import { FilmResolver, RelatedReasonResolver } from '../film/film.resolver';
import { FranchiseEntryResolver, FranchisePersonResolver, FranchiseResolver } from '../franchise/franchise.resolver';
import { GenreResolver } from '../genre/genre.resolver';
import { MENTIONED_IN_RESOLVERS, MentionResolver, ReviewMentionsResolver } from '../mentions/mention.resolver';
import { NodeResolver } from '../node/node.resolver';
import { PathResolver, PathStepResolver } from '../paths/paths.resolver';
import { CollaborationResolver, PersonFranchiseResolver, PersonResolver } from '../person/person.resolver';
import { ReviewResolver } from '../review/review.resolver';
import { RoleResolver } from '../role/role.resolver';
import { SearchResolver } from '../search/search.resolver';

export const RESOLVERS = [
  NodeResolver,
  FilmResolver,
  RelatedReasonResolver,
  PersonResolver,
  CollaborationResolver,
  PersonFranchiseResolver,
  RoleResolver,
  FranchiseResolver,
  FranchiseEntryResolver,
  FranchisePersonResolver,
  CharacterResolver,
  GenreResolver,
  ReviewResolver,
  ReviewMentionsResolver,
  MentionResolver,
  ...MENTIONED_IN_RESOLVERS,
  SearchResolver,
  PathResolver,
  PathStepResolver,
  ViewerResolver,
  ChangeResolver,
  ChangeCursorResolver,
  ChangeSubscription,
  ...HISTORY_RESOLVERS,
  FilmMutations,
  PersonMutations,
  CreditMutations,
  ReviewMutations,
  FranchiseMutations,
  CharacterMutations,
  GenreMutations,
] as const;

/**
 * type-graphql wants a PubSub as soon as the schema has a subscription, even one with its own
 * `subscribe`. Subscriptions here read the stored change feed (changes/change.feed.ts), so that
 * every API process sees every write; no topics are ever published to.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Reelgraph has no pub/sub topics: subscriptions follow the stored change feed');
  },
  subscribe() {
    throw new Error('Reelgraph has no pub/sub topics: subscriptions follow the stored change feed');
  },
};

let cached: GraphQLSchema | undefined;

export function buildReelgraphSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: [...RESOLVERS, ...CONNECTION_RESOLVERS] as [Function, ...Function[]],
    // Arguments are checked by hand where the contract says how (first, cursors, exactly-one keys).
    validate: false,
    // Nullable by default would widen the contract's non-null fields; each field says what it is.
    nullableByDefault: false,
    // Never used: see NO_TOPICS.
    pubSub: NO_TOPICS,
  });
  // type-graphql makes the root types itself; their descriptions are set here, where the schema is made.
  const query = cached.getQueryType();
  if (query && !query.description) {
    query.description = 'Films, people, their credits, franchises, characters, genres and reviews, and the questions that need the links between them.';
  }
  const mutation = cached.getMutationType();
  if (mutation && !mutation.description) {
    mutation.description = 'Writes, each in one transaction and recorded in the change feed; EDITOR creates and changes, ADMIN deletes and merges.';
  }
  const subscription = cached.getSubscriptionType();
  if (subscription && !subscription.description) {
    subscription.description = 'The change feed as it grows, over WebSocket (graphql-transport-ws) at the same URL.';
  }
  return cached;
}

/** The SDL as checked in at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printReelgraphSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildReelgraphSchema()))}\n`;
}
