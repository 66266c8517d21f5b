import { HttpError } from '../http/HttpError.js';
import type { TokenSource, WebChatSession } from './TokenSource.js';

/**
 * The chat when it cannot work: authentication is on (a MicrosoftAppId is set) but there is no
 * DIRECT_LINE_SECRET, and the local Direct Line cannot serve an authenticated bot. The page still
 * loads and says the chat is unavailable; the reason is in the log and in the 503.
 */
export class UnavailableTokenSource implements TokenSource {
  readonly kind = 'unavailable';
  readonly connectSources: readonly string[] = [];

  constructor(private readonly reason: string) {}

  issue(): Promise<WebChatSession> {
    return Promise.reject(new HttpError(503, this.reason));
  }
}
