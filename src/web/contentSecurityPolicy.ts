export interface PagePolicy {
  /** Per response: Web Chat puts it on the <style> elements it creates (emotion), so no 'unsafe-inline' is needed. */
  readonly nonce: string;
  /** Where the page's scripts may connect besides this server: Azure's Direct Line in production. */
  readonly connectSources: readonly string[];
  /** Sites allowed to show the page in a frame (the embed's panel): exactly ALLOWED_ORIGINS, or none. */
  readonly frameAncestors: readonly string[];
}

/**
 * The hash of an empty inline style. Web Chat passes the nonce to its own emotion styles but not
 * to react-scroll-to-bottom's (the transcript's scrolling), which creates an empty <style> element
 * without one and then adds its rules through the CSSOM (insertRule), which CSP does not govern.
 * Allowing exactly the empty element keeps 'unsafe-inline' out: no inline CSS text can run.
 */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/**
 * The chat page's Content-Security-Policy. Scripts only from this server and never inline (the
 * page's settings travel in a JSON data block, which is not executed). Styles from this server,
 * plus Web Chat's generated <style> elements, which carry the nonce, and the one empty element
 * above; its other styling is set through the DOM (element.style), which CSP does not restrict. Images: Web Chat draws some icons
 * as data: URLs.
 */
export function pageContentSecurityPolicy(policy: PagePolicy): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${policy.nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...policy.connectSources].join(' '),
    `frame-ancestors ${policy.frameAncestors.length > 0 ? policy.frameAncestors.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
