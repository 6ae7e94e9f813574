import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * The cache, configured for Reelgraph's schema (README, "For frontends"):
 * - entities implement Node and carry a global `id`, which is Apollo's default key;
 * - FranchiseEntry has no id of its own but is one film's place in one franchise, so the pair is
 *   its key, and the film page and the franchise page share one entry;
 * - the other value objects (collaborations, related films, search hits, path steps, mentions…)
 *   only mean something inside the field that returned them, so they stay embedded there;
 * - ExternalIds and ReviewSummary belong to their film or person, so two queries asking for
 *   different parts of them merge rather than overwrite;
 * - the paged connections grow through `edges` (relayStylePagination keeps only the last page's
 *   `nodes`), keyed by the arguments that change the list, not by the cursor.
 */
export function createCache(): InMemoryCache {
  const embedded = { keyFields: false as const };
  return new InMemoryCache({
    possibleTypes: { Node: ['Character', 'Film', 'Franchise', 'Genre', 'Person', 'Review', 'Role'] },
    typePolicies: {
      FranchiseEntry: { keyFields: ['film', ['id'], 'franchise', ['id']] },
      ExternalIds: { merge: true },
      ReviewSummary: { merge: true },
      AggregateRating: embedded,
      Collaboration: embedded,
      FranchisePerson: embedded,
      PersonFranchise: embedded,
      RelatedFilm: embedded,
      RelatedReason: embedded,
      Mention: embedded,
      SearchHit: embedded,
      GraphPath: embedded,
      PathStep: embedded,
      Person: { fields: { roles: relayStylePagination(['kinds']), mentionedIn: relayStylePagination() } },
      Film: { fields: { reviews: relayStylePagination(), roles: relayStylePagination(['kinds']), mentionedIn: relayStylePagination() } },
      Genre: { fields: { films: relayStylePagination() } },
      Franchise: { fields: { mentionedIn: relayStylePagination() } },
    },
  });
}

export function createClient(uri = '/graphql'): ApolloClient<unknown> {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: createCache(),
    defaultOptions: {
      // A page opened again shows what is cached at once and refreshes it behind.
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first', notifyOnNetworkStatusChange: true },
    },
  });
}
