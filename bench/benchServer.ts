/**
 * One server for the HTTP benchmark, in a process of its own so the load generator does not share
 * its event loop: `bot` is the real bot (createBot), `echo` an ActivityHandler that replies with
 * the text, both behind the same restify + CloudAdapter stack (createServer). Prints its URL.
 */
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../src/bot/createAdapter.js';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/createBot.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }
}

const kind = process.argv[2];
// the rate limits are off: one load generator on one address is exactly what they are there to stop
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: '',
  RATE_LIMIT_PER_CONVERSATION: '0',
  RATE_LIMIT_PER_CLIENT: '0',
});
const log = createLogger(config.logLevel);
const deps = kind === 'echo' ? { config, adapter: createAdapter(config, log), bot: new EchoBot(), log } : createBot(config, log);
const running = await startServer(deps, 0, '127.0.0.1');
process.stdout.write(`${running.url}\n`);
// exit normally on a signal, so that `node --cpu-prof` writes its profile
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  });
}
