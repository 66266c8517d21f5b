import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { send, startConversation } from '../helpers/directLineClient.js';
import { ask, messageActivity } from '../helpers/testBot.js';

const lines: string[] = [];
let bot: RunningServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ LOG_LEVEL: 'info' });
  bot = await startServer(createBot(config, createLogger('info', sink)), 0, '127.0.0.1');
});
afterAll(async () => {
  await bot.close();
});

function records(): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('logs', () => {
  it('record each outcome as JSON without what the user wrote', async () => {
    await ask(bot.url, 'How much did Sora make?', { conversation: { id: 'log-1' } });
    expect(records()).toContainEqual(expect.objectContaining({ msg: 'answered', outcome: 'answer', topicId: 'sora-revenue', conversationId: 'log-1' }));
    expect(lines.join('\n')).not.toMatch(/how much did sora make/i);
  });

  it("carry the request id of the turn's HTTP request, which the response returns in x-request-id", async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-from-proxy-42' },
      body: JSON.stringify(messageActivity('Why did Sora shut down?', { conversation: { id: 'log-2' }, deliveryMode: 'expectReplies' })),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-from-proxy-42');
    expect(records()).toContainEqual(expect.objectContaining({ msg: 'answered', conversationId: 'log-2', requestId: 'req-from-proxy-42' }));
  });

  it('give every request a fresh id when the caller sends none or an unsafe one', async () => {
    const plain = await fetch(`${bot.url}/healthz`);
    const hostile = await fetch(`${bot.url}/healthz`, { headers: { 'x-request-id': 'a"}, {"evil": 1' } });
    const ids = [plain.headers.get('x-request-id'), hostile.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('tie a turn of the local Direct Line to its request id as well', async () => {
    const session = await startConversation(bot.url);
    const posted = await send(bot.url, session, { type: 'message', text: 'What happened to the Disney deal?' });
    const requestId = posted.headers.get('x-request-id');
    expect(records()).toContainEqual(expect.objectContaining({ msg: 'answered', conversationId: session.conversationId, requestId }));
    expect(lines.join('\n')).not.toMatch(/disney deal\?/i);
  });

  it('log a refused request with its id and reason, never its body', async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'broken-1' }, body: '{"text": "my secret question"' });
    expect(response.status).toBe(400);
    expect(lines.join('\n')).not.toContain('my secret question');
  });
});
