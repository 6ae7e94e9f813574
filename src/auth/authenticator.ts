import { unauthenticated } from '../common/errors';
import { ApiKeyStore, looksLikeApiKey } from './api-keys';
import { JwtRefused, JwtVerifier, looksLikeJwt } from './jwt';
import { ANONYMOUS, Viewer } from './viewer';

/**
 * Who a request's `Authorization` header says it is. No header: an anonymous READER. An API key
 * (`rg_…`) is looked up in the graph on every call; a JWT (three dot-separated parts) is checked
 * by its signature alone. Anything else, or a credential that fails, is UNAUTHENTICATED, with a
 * message that never repeats the credential.
 */
export class Authenticator {
  constructor(
    private readonly keys: ApiKeyStore,
    private readonly jwt: JwtVerifier | undefined,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Viewer> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!bearer) throw unauthenticated("The Authorization header must read 'Bearer <API key or JWT>'");
    const credential = bearer[1];
    if (looksLikeApiKey(credential)) {
      const key = await this.keys.find(credential);
      if (!key) throw unauthenticated('The API key is unknown or revoked');
      return { name: key.name, role: key.role, via: 'key' };
    }
    if (looksLikeJwt(credential)) {
      if (!this.jwt) throw unauthenticated('This server takes no JWTs (neither JWT_SECRET nor JWT_JWKS_FILE is set); use an API key');
      try {
        return await this.jwt.verify(credential);
      } catch (error) {
        if (error instanceof JwtRefused) throw unauthenticated(`${error.message}; the JWT is refused`);
        throw error;
      }
    }
    throw unauthenticated('The credential is neither a Reelgraph API key (rg_…) nor a JWT');
  }
}
