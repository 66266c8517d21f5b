import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

/** Where botbuilder looks for the Bot Framework channel's signing keys (AuthenticationConstants). */
const LOGIN_HOST = 'https://login.botframework.com';
const METADATA_PATH = '/v1/.well-known/openidconfiguration';
const KEYS_PATH = '/v1/.well-known/keys';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A fresh RSA key pair, generated locally: the stand-in for one of the Bot Framework's signing keys. */
export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/**
 * Serves the Bot Framework's OpenID metadata and JWKS through nock, as login.botframework.com
 * does: each key with the channels it is endorsed for (botbuilder refuses a token whose key is
 * not endorsed for the activity's channelId). Persisted: botbuilder fetches once per process.
 */
export function serveSigningKeys(keys: readonly { readonly key: SigningKey; readonly endorsements: readonly string[] }[]): void {
  nock(LOGIN_HOST)
    .persist()
    .get(METADATA_PATH)
    .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${LOGIN_HOST}${KEYS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] })
    .get(KEYS_PATH)
    .reply(200, {
      keys: keys.map(({ key, endorsements }) => {
        const jwk = key.publicKey.export({ format: 'jwk' });
        return { kty: 'RSA', use: 'sig', kid: key.kid, n: jwk.n, e: jwk.e, endorsements };
      }),
    });
}

export interface TokenClaims {
  readonly [claim: string]: unknown;
}

/** An RS256 JWT as the Bot Framework channel signs them, with `claims` over sensible defaults. */
export function channelToken(key: SigningKey, claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const payload = { iss: CHANNEL_ISSUER, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
