/** A minimal Direct Line v3 client over real HTTP, making the calls Web Chat makes when polling. */
import type { WebChatSession } from '../../src/web/TokenSource.js';

/** What the token endpoint returns, as the page reads it. */
export type Session = WebChatSession;

export interface StreamActivity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly from: { readonly id: string; readonly role?: string };
  readonly channelData?: { readonly clientActivityID?: string };
  readonly suggestedActions?: { readonly actions: readonly { readonly title: string; readonly value: unknown }[] };
  readonly serviceUrl?: string;
  readonly replyToId?: string;
}

export interface ActivitySet {
  readonly activities: StreamActivity[];
  readonly watermark: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
  readonly raw: string;
  readonly headers: Headers;
}

export async function call(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const response = await fetch(url, init);
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, raw, headers: response.headers };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** POST /api/directline/token, as the page does first. */
export async function getToken(base: string): Promise<Session> {
  const result = await call(`${base}/api/directline/token`, { method: 'POST' });
  if (result.status !== 200) throw new Error(`token: HTTP ${result.status} ${result.raw}`);
  return result.body as Session;
}

/** A token, then POST /conversations: the bot greets. */
export async function startConversation(base: string): Promise<Session> {
  const session = await getToken(base);
  const started = await call(`${base}/v3/directline/conversations`, { method: 'POST', headers: bearer(session.token), body: '{}' });
  if (started.status !== 201) throw new Error(`start: HTTP ${started.status} ${started.raw}`);
  return session;
}

export async function poll(base: string, session: Pick<Session, 'conversationId' | 'token'>, watermark?: string): Promise<ActivitySet> {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  const result = await call(`${base}/v3/directline/conversations/${session.conversationId}/activities${query}`, { headers: bearer(session.token) });
  if (result.status !== 200) throw new Error(`poll: HTTP ${result.status} ${result.raw}`);
  return result.body as ActivitySet;
}

export async function send(base: string, session: Pick<Session, 'conversationId' | 'token'>, activity: unknown): Promise<HttpResult> {
  return call(`${base}/v3/directline/conversations/${session.conversationId}/activities`, {
    method: 'POST',
    headers: bearer(session.token),
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}
