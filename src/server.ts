import type { AddressInfo } from 'node:net';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import { MemoryStorage, type ActivityHandler, type Storage } from 'botbuilder';
import type { BotAdapter } from './bot/BotAdapter.js';
import type { Config } from './config.js';
import { DIRECT_LINE_OPTIONS } from './directline/options.js';
import type { HandoffDesk } from './handoff/HandoffDesk.js';
import { registerAgentApi } from './handoff/registerAgentApi.js';
import { Drain } from './http/Drain.js';
import { processTurn } from './http/processTurn.js';
import { RateLimits } from './http/RateLimits.js';
import { BadRequest, readJsonBody } from './http/readJsonBody.js';
import { registerReadiness, type KnowledgeSummary } from './http/registerReadiness.js';
import { assignRequestIds, requestLog } from './http/requestLog.js';
import { refuse } from './http/respond.js';
import { secureByDefault } from './http/securityHeaders.js';
import { validateActivity, type IncomingActivity } from './http/validateActivity.js';
import type { Logger } from './logger.js';
import { registerWebChat } from './web/registerWebChat.js';

export interface ServerDeps {
  readonly config: Pick<Config, 'maxBodyBytes' | 'botAuth' | 'webChat' | 'rateLimits' | 'handoff'>;
  readonly adapter: BotAdapter;
  readonly bot: ActivityHandler;
  readonly log: Logger;
  /** The process's one Storage (createBot's); a MemoryStorage of the server's own when absent. */
  readonly storage?: Storage;
  /** What /readyz reports; absent: no knowledge loaded, never ready. */
  readonly knowledge?: KnowledgeSummary;
  /** The support desk; absent: no /api/agent routes (the bot runs without human handoff). */
  readonly desk?: HandoffDesk;
}

export interface RunningServer {
  readonly server: Server;
  /** e.g. http://127.0.0.1:3978 */
  readonly url: string;
  readonly close: () => Promise<void>;
  /**
   * Graceful shutdown, first half: /readyz turns 503, new requests are refused, and this resolves
   * once the requests in flight are answered (true) or after timeoutMs (false). Then call close().
   */
  readonly drain: (timeoutMs: number) => Promise<boolean>;
}

/**
 * The HTTP front: Bot Framework's /api/messages, the website chat (src/web) and a health probe. Bad requests are refused here
 * with a 4xx and a one-line reason, before they reach botbuilder, whose own errors are 500s
 * carrying internal messages.
 */
export function createServer(deps: ServerDeps, drain = newDrain()): Server {
  const { config, adapter, bot, log } = deps;
  const storage = deps.storage ?? new MemoryStorage();
  const server = restify.createServer({ name: 'sora-closure-bot', handleUncaughtExceptions: false });
  drain.register(server);

  // --- hardening: a request id and nosniff on every request, rate limits on the costly POSTs (src/http) ---
  server.pre(assignRequestIds(log));
  server.pre(secureByDefault);
  const limits = new RateLimits(config.rateLimits);
  server.pre(limits.guard());

  const authRequired = config.botAuth.MicrosoftAppId !== '';
  server.post('/api/messages', async (req: Request, res: Response) => {
    const turnLog = requestLog(req, log);
    if (authRequired && !req.headers.authorization) {
      // refused here rather than by botbuilder, which would print every such request to stderr
      refuse(res, 401, 'missing Authorization header');
      return;
    }
    let activity: IncomingActivity;
    try {
      activity = validateActivity(await readJsonBody(req, config.maxBodyBytes));
    } catch (error) {
      if (error instanceof BadRequest) {
        refuse(res, error.status, error.message);
      } else {
        turnLog.error({ err: error }, 'reading request failed');
        refuse(res, 400, 'could not read the request');
      }
      return;
    }
    if (!limits.admitConversation(activity.channelId, activity.conversation.id, res)) return;
    await processTurn({ adapter, bot, log: turnLog }, req.headers.authorization ?? '', activity, res);
  });

  // the Web Chat page, embed script, token endpoint and the local Direct Line
  registerWebChat(server, { config, adapter, bot, log, storage });

  // the agent tools' API on the support desk (off, with a 404 saying so, while HANDOFF_API_KEY is empty)
  if (deps.desk) registerAgentApi(server, { desk: deps.desk, apiKey: config.handoff.apiKey, log });

  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  registerReadiness(server, { knowledge: deps.knowledge, storage, drain, log });

  return server;
}

/** While draining: the probes, and the routes the bot's in-flight turns post their replies to. */
function newDrain(): Drain {
  return new Drain((path) => path === '/healthz' || path === '/readyz' || path.startsWith(`${DIRECT_LINE_OPTIONS.connectorPath}/`));
}

export async function startServer(deps: ServerDeps, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const drain = newDrain();
  const server = createServer(deps, drain);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve();
    });
  });
  const address: AddressInfo = server.address();
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
    drain: (timeoutMs) => drain.drain(timeoutMs),
  };
}
