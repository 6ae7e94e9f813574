import fs from 'node:fs';
import { createLocalJWKSet, errors, JSONWebKeySet, JWTPayload, jwtVerify, JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '../config';
import { accessRoleOf, ACCESS_ROLES, AccessRoleName, Viewer } from './viewer';

/** Why a token was refused, in words that never repeat the token. */
export class JwtRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwtRefused';
  }
}

/** Whether a credential is shaped like a JWT: three base64url parts. */
export function looksLikeJwt(credential: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential);
}

/**
 * Checks identity providers' tokens with jose: against the HS256 secret, or the public keys of a
 * JWKS file (read once, at start-up), with the issuer and audience when configured. The role is
 * the highest one the role claim names; a token naming none is a READER.
 */
export class JwtVerifier {
  private readonly check: (token: string) => Promise<{ payload: JWTPayload }>;

  private constructor(private readonly config: AuthConfig) {
    const options: JWTVerifyOptions = { issuer: config.jwtIssuer, audience: config.jwtAudience };
    if (config.jwtSecret) {
      const secret = new TextEncoder().encode(config.jwtSecret);
      // A shared secret allows HS256 only: never a token that names another algorithm.
      this.check = (token) => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
    } else {
      // The key set's own keys say which algorithms they are for.
      const keys = createLocalJWKSet(readJwks(config.jwtJwksFile!));
      this.check = (token) => jwtVerify(token, keys, options);
    }
  }

  /** A verifier for the configured secret or key set; undefined when neither is set (JWTs are then refused). */
  static fromConfig(config: AuthConfig): JwtVerifier | undefined {
    return config.jwtSecret || config.jwtJwksFile ? new JwtVerifier(config) : undefined;
  }

  async verify(token: string): Promise<Viewer> {
    let payload: JWTPayload;
    try {
      ({ payload } = await this.check(token));
    } catch (error) {
      throw new JwtRefused(reasonOf(error));
    }
    const name = payload[this.config.jwtNameClaim];
    return {
      name: typeof name === 'string' && name !== '' ? name : null,
      role: highestRole(payload[this.config.jwtRoleClaim]),
      via: 'jwt',
    };
  }
}

function readJwks(file: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`JWT_JWKS_FILE ${file} is not a readable JSON file: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { keys?: unknown }).keys)) {
    throw new Error(`JWT_JWKS_FILE ${file} is not a JSON Web Key Set: it needs a "keys" list`);
  }
  return parsed as JSONWebKeySet;
}

/** The highest role a claim names (a string or a list of them); READER when it names none. */
export function highestRole(claim: unknown): AccessRoleName {
  const named = (Array.isArray(claim) ? claim : [claim]).map(accessRoleOf).filter((role) => role !== undefined);
  return ACCESS_ROLES.filter((role) => named.includes(role)).at(-1) ?? 'READER';
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not what this server accepts`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature does not match";
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed by no key this server knows';
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted here";
  return 'The token is not a valid JWT';
}
