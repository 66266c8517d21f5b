import { ConversationState, type Storage } from 'botbuilder';
import { Answerer } from './answering/Answerer.js';
import { loadKnowledge } from './answering/loadKnowledge.js';
import { DECISION_OPTIONS } from './answering/options.js';
import { createAdapter } from './bot/createAdapter.js';
import { SoraBot } from './bot/SoraBot.js';
import type { Config } from './config.js';
import { createEventLog } from './learning/createEventLog.js';
import type { EventLog } from './learning/EventLog.js';
import { AdapterCourier } from './handoff/AdapterCourier.js';
import { AgentTurn } from './handoff/AgentTurn.js';
import { HandoffDesk } from './handoff/HandoffDesk.js';
import { SupportChannel } from './handoff/SupportChannel.js';
import { TicketStore } from './handoff/TicketStore.js';
import type { Logger } from './logger.js';
import type { ServerDeps } from './server.js';
import { createStorage } from './storage/createStorage.js';

/**
 * Wires knowledge -> answering core -> bot -> adapter. Shared by the server, the terminal chat
 * and the tests, so they all run the same bot. Throws KnowledgeError on a broken knowledge file.
 *
 * `storage` is the process's one Storage (from config: memory, or Azure Blob Storage shared by all
 * instances); conversation state and the local Direct Line keep everything there, and later
 * features (tickets) are meant to take it from the returned deps.
 *
 * Conversation state is written last-writer-wins (BotState's eTag "*"), on purpose: one user's
 * turns come one after another, and when two overlap (a double send) the later answer's memory
 * wins, which costs at most a tour step, whereas an eTag check would answer one of them with an
 * error. The local Direct Line's stream, which two requests do append to at once, uses eTags.
 */
export function createBot(
  config: Config,
  log: Logger,
  storage: Storage = createStorage(config.storage),
  events: EventLog = createEventLog(config.eventLog, log),
): ServerDeps & { answerer: Answerer; storage: Storage; events: EventLog; desk: HandoffDesk } {
  const answerer = new Answerer(loadKnowledge(config.knowledgeDir));
  const adapter = createAdapter(config, log);
  // human handoff: tickets in the same Storage, proactive messages through the same adapter
  const supportChannel = new SupportChannel(storage, config.handoff.supportChannelId);
  const courier = new AdapterCourier(adapter, config.botAuth.MicrosoftAppId, supportChannel, log);
  const desk = new HandoffDesk(new TicketStore(storage), courier, log);
  const handoff = { desk, agents: new AgentTurn(desk, supportChannel, answerer), supportChannel };
  const bot = new SoraBot({ answerer, conversationState: new ConversationState(storage), decision: DECISION_OPTIONS, log, events, handoff });
  const knowledge = { entries: answerer.knowledge.entries.length, tours: answerer.knowledge.tours.length };
  return { config, adapter, bot, log, answerer, storage, knowledge, events, desk };
}
