import { KnowledgeError } from './answering/KnowledgeError.js';
import { ConfigError, loadConfig } from './config.js';
import { createBot } from './createBot.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** Composition root: config -> knowledge -> bot -> server. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let deps;
  try {
    deps = createBot(config, log);
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(deps, config.port);
  log.info({ url: running.url, auth: config.botAuth.MicrosoftAppId ? 'on' : 'off' }, 'bot listening');
  console.log(
    `\nSora's Closure bot is running.\n  Chat page:    ${running.url}/\n  Embed:        <script src="${running.url}/embed.js" async></script>\n  Bot endpoint: ${running.url}/api/messages\n  Health:       ${running.url}/healthz\n`,
  );
  const stop = (): void => {
    // the review log's last queued lines are written before the process ends
    void running.close().then(() => deps.events.flush()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
