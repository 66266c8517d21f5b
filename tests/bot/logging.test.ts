import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/createBot.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { ask } from '../helpers/testBot.js';

describe('logs', () => {
  it('record each outcome as JSON without what the user wrote', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig({ LOG_LEVEL: 'info' });
    const bot = await startServer(createBot(config, createLogger('info', sink)), 0, '127.0.0.1');
    try {
      await ask(bot.url, 'How much did Sora make?', { conversation: { id: 'log-1' } });
    } finally {
      await bot.close();
    }
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(expect.objectContaining({ msg: 'answered', outcome: 'answer', topicId: 'sora-revenue', conversationId: 'log-1' }));
    expect(lines.join('\n')).not.toMatch(/how much did sora make/i);
  });
});
