import { ActivityHandler, MemoryStorage, type Storage } from 'botbuilder';
import { createAdapter } from '../../src/bot/createAdapter.js';
import { loadConfig } from '../../src/config.js';
import { HandoffDesk } from '../../src/handoff/HandoffDesk.js';
import { TicketStore } from '../../src/handoff/TicketStore.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { call, type HttpResult } from './directLineClient.js';
import { RecordingCourier } from './tickets.js';

/** A key as long as HANDOFF_API_KEY must be. */
export const API_KEY = 'test-agent-api-key-0123456789abcdef';

export interface AgentApiServer {
  readonly url: string;
  readonly desk: HandoffDesk;
  readonly courier: RecordingCourier;
  readonly close: () => Promise<void>;
}

/**
 * The real server (restify, every route of the bot) with a bare bot, and the real desk on a
 * MemoryStorage whose courier records instead of sending: the agent API as an agent tool reaches it.
 */
export async function startAgentApi(apiKey = API_KEY, storage: Storage = new MemoryStorage(), courier = new RecordingCourier()): Promise<AgentApiServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', HANDOFF_API_KEY: apiKey });
  const log = createLogger('silent');
  const desk = new HandoffDesk(new TicketStore(storage), courier, log);
  const server: RunningServer = await startServer({ config, adapter: createAdapter(config, log), bot: new ActivityHandler(), log, storage, desk }, 0, '127.0.0.1');
  return { url: server.url, desk, courier, close: server.close };
}

/** A call to the agent API with the key (or the headers given instead), the body sent as JSON unless it is a string. */
export function agentCall(url: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` }): Promise<HttpResult> {
  const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return call(`${url}${path}`, init);
}
