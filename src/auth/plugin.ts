import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { codeOfDatabaseError, ReelgraphError, unauthenticated } from '../common/errors';
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
          const viewer = await contextValue.viewer().catch(asRequestError);
          if (!options.publicRead && viewer.via === 'anonymous') {
            throw unauthenticated("This server answers only requests with credentials (REELGRAPH_PUBLIC_READ=false): send 'Authorization: Bearer <API key or JWT>'");
          }
        },
      };
    },
  };
}

/**
 * A key that could not be read (Neo4j down, a timeout) fails the request with the database's
 * code, as a field would; Apollo would answer an unknown failure here 500. The status is 200 so
 * that app.ts's statusOf treats it as any answer without data (503 to graphql-response+json).
 */
function asRequestError(error: unknown): never {
  if (error instanceof GraphQLError) throw error;
  const code = codeOfDatabaseError(error);
  if (code) throw new ReelgraphError(code, (error as Error).message, { http: { status: 200 } });
  throw error;
}
