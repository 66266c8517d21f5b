import path from 'node:path';
import { KnowledgeError } from './answering/KnowledgeError.js';
import { usePreparsedYaml } from './answering/preparsedYaml.js';
import { ConfigError, loadConfig, projectRoot } from './config.js';
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
  // the shipped knowledge files as parsed by `npm run build`; edited ones are parsed as usual
  usePreparsedYaml(path.join(projectRoot(), 'dist', 'knowledge.parsed.json'));
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
  // Graceful shutdown: /readyz turns 503 and new requests are refused, turns in flight finish
  // (bounded), then the listener closes. Exit 1 only when turns had to be cut off.
  const stop = (signal: string): void => {
    log.info({ signal }, 'shutting down: finishing turns in flight');
    // in case closing the listener itself hangs on a connection that will not end
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5000).unref();
    void running
      .drain(SHUTDOWN_GRACE_MS)
      .then(async (drained) => {
        if (!drained) log.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'shutting down with turns still in flight');
        await running.close();
        // the review log's last queued lines are written before the process ends
        await deps.events.flush();
        process.exit(drained ? 0 : 1);
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Longest wait for turns in flight at shutdown; under Kubernetes' default 30 s grace period. */
const SHUTDOWN_GRACE_MS = 10_000;

void main();
