import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { Answerer } from './answering/Answerer.js';
import { loadKnowledge } from './answering/loadKnowledge.js';
import { DECISION_OPTIONS } from './answering/options.js';
import { createAdapter } from './bot/createAdapter.js';
import { SoraBot } from './bot/SoraBot.js';
import type { Config } from './config.js';
import { createEventLog } from './learning/createEventLog.js';
import type { EventLog } from './learning/EventLog.js';
import type { Logger } from './logger.js';
import type { ServerDeps } from './server.js';

/**
 * Wires knowledge -> answering core -> bot -> adapter. Shared by the server, the terminal chat
 * and the tests, so they all run the same bot. Throws KnowledgeError on a broken knowledge file.
 */
export function createBot(
  config: Config,
  log: Logger,
  storage: Storage = new MemoryStorage(),
  events: EventLog = createEventLog(config.eventLog, log),
): ServerDeps & { answerer: Answerer; events: EventLog } {
  const answerer = new Answerer(loadKnowledge(config.knowledgeDir));
  const bot = new SoraBot({ answerer, conversationState: new ConversationState(storage), decision: DECISION_OPTIONS, log, events });
  return { config, adapter: createAdapter(config, log), bot, log, answerer, events };
}
