import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * Who is asking, for per-client rate limits: the socket's peer address, or, behind a reverse proxy
 * (TRUST_PROXY), the address that proxy saw, i.e. the last entry of X-Forwarded-For. Earlier
 * entries are whatever the client chose to send, so they are never trusted.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').pop()?.trim() ?? '';
  // Azure App Service writes "address:port"; a bare IPv6 address has colons of its own
  const address = isIP(last) !== 0 ? last : last.replace(/^\[?([^\]]+?)\]?:\d+$/, '$1');
  return isIP(address) !== 0 ? address : peer;
}
