import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';

/** Where the HTTP front leaves the request's child logger (with its request id) for the turn. */
const TURN_LOG_KEY = Symbol('turnLog');

/** Gives this turn a logger, so every line the turn logs carries the request id of the HTTP call that started it. */
export function setTurnLog(context: TurnContext, log: Logger): void {
  context.turnState.set(TURN_LOG_KEY, log);
}

/** The turn's logger, or `fallback` for turns no HTTP request started (tests, proactive messages). */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return context.turnState.get<Logger | undefined>(TURN_LOG_KEY) ?? fallback;
}
