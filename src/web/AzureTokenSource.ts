import { z } from 'zod';
import { randomToken } from '../directline/tokens.js';
import { HttpError } from '../http/HttpError.js';
import type { TokenSource, WebChatSession } from './TokenSource.js';

/** Azure answers in well under a second; a stuck call must not hold the visitor's page for long. */
const EXCHANGE_TIMEOUT_MS = 10_000;

const generatedToken = z.object({
  conversationId: z.string().min(1).max(512),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive(),
});

/**
 * Production: exchanges the Direct Line channel's secret for a token bound to one new conversation
 * and one user (`POST {domain}/tokens/generate`). The secret stays on the server; the browser gets
 * only the token, which Azure signs with the user id, so a page cannot pretend to be another user.
 */
export class AzureTokenSource implements TokenSource {
  readonly kind = 'azure';
  readonly connectSources: readonly string[];

  constructor(
    private readonly secret: string,
    private readonly domain: string,
  ) {
    const host = new URL(domain).host;
    // Web Chat uses Azure's WebSocket stream, so the page connects with wss:// as well
    this.connectSources = [`https://${host}`, `wss://${host}`];
  }

  async issue(): Promise<WebChatSession> {
    let response: Response;
    try {
      response = await fetch(`${this.domain}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
        // "dl_": Direct Line's prefix for user ids it vouches for in the token
        body: JSON.stringify({ user: { id: `dl_${randomToken(12)}` } }),
        signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      });
    } catch {
      throw new HttpError(502, 'Direct Line could not be reached');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpError(502, `Direct Line refused the token request (HTTP ${response.status})`);
    }
    const parsed = generatedToken.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new HttpError(502, 'Direct Line sent an unexpected token response');
    return { ...parsed.data, domain: this.domain, webSocket: true };
  }
}
