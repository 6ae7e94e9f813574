import { ApolloServerPlugin } from '@apollo/server';
import { unauthenticated } from '../common/errors';
import type { Context } from '../server/context';

/**
 * Checks a request's credentials once its operation is known, before anything runs: bad
 * credentials fail every request, reads included, rather than passing as anonymous; and with
 * public reads off (REELGRAPH_PUBLIC_READ=false) a request without any fails too, introspection
 * included. A request without an Authorization header costs no database work here.
 */
export function credentialsPlugin(options: { publicRead: boolean }): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          const viewer = await contextValue.viewer();
          if (!options.publicRead && viewer.via === 'anonymous') {
            throw unauthenticated("This server answers only requests with credentials (REELGRAPH_PUBLIC_READ=false): send 'Authorization: Bearer <API key or JWT>'");
          }
        },
      };
    },
  };
}
