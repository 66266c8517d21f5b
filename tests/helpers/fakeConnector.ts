import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the channel's connector. */
export interface ConnectorCall {
  readonly method: string;
  /** Decoded path below the connector's base, e.g. /v3/conversations/{id}/activities/{replyToId}. */
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export interface FakeConnector {
  /** The serviceUrl to put in activities, ending in /teams/ like the Teams fixtures. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  readonly close: () => Promise<void>;
}

/**
 * A stand-in for a channel's Bot Connector service (Teams, here) on a free loopback port: records
 * every activity the bot posts and answers as the real service does (see `answer`).
 * Real HTTP, so the bot's own connector client, retries and serialisation are exercised.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent((req.url ?? '').replace(/^\/teams/, ''));
      calls.push({ method: req.method ?? '', path, body: raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(req.method ?? '', path, calls[calls.length - 1]?.body ?? {}, calls.length)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/teams/`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => { resolve(); })),
  };
}

/**
 * What the Bot Connector answers: the new activity's id; for a new post in a Teams channel
 * (POST /v3/conversations with the channel in channelData) the thread's conversation id
 * `<channel>;messageid=<post id>` and the post's id, as Teams does.
 */
function answer(method: string, path: string, body: Record<string, unknown>, n: number): Record<string, unknown> {
  const channel = ((body.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id);
  if (method === 'POST' && path === '/v3/conversations' && typeof channel === 'string') {
    const postId = `post-${n}`;
    return { id: `${channel};messageid=${postId}`, activityId: postId };
  }
  return { id: `reply-${n}` };
}
