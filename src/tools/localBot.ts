import { loadConfig } from '../config.js';
import { createBot } from '../createBot.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';

export interface BotConnection {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * The bot the command-line tools talk to: the one at `url` when given, else the bot started here
 * on a free loopback port, silent and without authentication.
 */
export async function connectToBot(url: string | undefined): Promise<BotConnection> {
  if (url) return { url, stop: async () => {} };
  // RATE_LIMIT_PER_CLIENT 0: the evaluation sends hundreds of turns a second from this machine
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', RATE_LIMIT_PER_CLIENT: '0' });
  const running = await startServer(createBot(config, createLogger(config.logLevel)), 0, '127.0.0.1');
  return { url: running.url, stop: running.close };
}
