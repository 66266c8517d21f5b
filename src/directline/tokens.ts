import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable bearer token or id: 256 bits of randomness, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Tokens are kept only as hashes: looking one up in a Map then leaks nothing useful through
 * timing, and a memory dump holds no usable token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S{1,500})\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Constant-time comparison of two strings, for secrets that are compared rather than looked up. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
