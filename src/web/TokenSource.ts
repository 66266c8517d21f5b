/**
 * What the page (or another site's own Web Chat) gets from POST /api/directline/token: a Direct
 * Line token bound to one new conversation, and where to use it. Never a secret.
 */
export interface WebChatSession {
  readonly conversationId: string;
  readonly token: string;
  readonly expires_in: number;
  /** The Direct Line base URL for createDirectLine; a path (/v3/directline) means this server. */
  readonly domain: string;
  /** Whether Web Chat should use a WebSocket: Azure offers one, the local Direct Line only polling. */
  readonly webSocket: boolean;
  /** The local Direct Line's user id, for Web Chat's userID; absent when the token itself names the user. */
  readonly userId?: string;
}

/** Where the chat's tokens come from: the local Direct Line, Azure's, or nowhere (misconfigured). */
export interface TokenSource {
  readonly kind: 'local' | 'azure' | 'unavailable';
  /** Origins the page must be allowed to connect to (CSP connect-src), besides its own. */
  readonly connectSources: readonly string[];
  /** Throws HttpError (502, 503) with a short reason when no token can be had. */
  issue(): Promise<WebChatSession>;
}
