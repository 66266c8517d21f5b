import { randomUUID } from 'node:crypto';
import { loadConfig, type Environment } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

/** Starts the real bot (real restify server, real CloudAdapter) on a free loopback port. */
export async function startTestBot(env: Environment = {}): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return startServer(createBot(config, createLogger(config.logLevel)), 0, '127.0.0.1');
}

export interface ActivityOverrides {
  readonly [key: string]: unknown;
}

/** A message activity as the Emulator or a channel sends it. */
export function messageActivity(text: string, overrides: ActivityOverrides = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: 'conv-1' },
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
    locale: 'en-US',
    text,
    ...overrides,
  };
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
  readonly raw: string;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  let parsed: unknown = raw;
  try {
    parsed = raw === '' ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    // not JSON: keep the raw text
  }
  return { status: response.status, body: parsed, raw };
}

export interface Reply {
  readonly type: string;
  readonly name?: string;
  readonly text?: string;
  readonly value?: unknown;
  readonly attachments?: { contentType: string; content: unknown }[];
  readonly suggestedActions?: { actions: { title: string; value: unknown }[] };
}

/** Sends with deliveryMode expectReplies and returns the activities the bot answered with. */
export async function ask(url: string, text: string, overrides: ActivityOverrides = {}): Promise<Reply[]> {
  const result = await post(url, messageActivity(text, { deliveryMode: 'expectReplies', ...overrides }));
  if (result.status !== 200) throw new Error(`HTTP ${result.status}: ${result.raw}`);
  return (result.body as { activities: Reply[] }).activities;
}

export function outcomeOf(replies: readonly Reply[]): { outcome: string; topicId: string | null; score: number | null } {
  const traces = replies.filter((r) => r.type === 'trace' && r.name === 'outcome');
  if (traces.length !== 1) throw new Error(`expected one outcome trace, got ${traces.length}`);
  return traces[0]?.value as { outcome: string; topicId: string | null; score: number | null };
}
