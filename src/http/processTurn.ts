import type { Activity, ActivityHandler } from 'botbuilder';
import type { Response } from 'restify';
import { AuthenticationRefused, type BotAdapter } from '../bot/BotAdapter.js';
import { setTurnLog } from '../bot/turnLog.js';
import type { Logger } from '../logger.js';
import { refuse } from './respond.js';
import type { IncomingActivity } from './validateActivity.js';

export interface TurnDeps {
  readonly adapter: BotAdapter;
  readonly bot: ActivityHandler;
  /** The request's logger: the turn logs with its request id. */
  readonly log: Logger;
}

/**
 * Authenticates and runs one turn for a checked activity, then answers the HTTP request the way
 * CloudAdapter.process would (the invoke or expectReplies response, else 200), except for refusals:
 * a bad, expired or foreign token gets a plain 401, signing keys that cannot be fetched a 503, and
 * nothing a library throws ever reaches the body.
 */
export async function processTurn({ adapter, bot, log }: TurnDeps, authHeader: string, activity: IncomingActivity, res: Response): Promise<void> {
  try {
    const response = await adapter.processAuthenticated(authHeader, withDates(activity), (context) => {
      setTurnLog(context, log);
      return bot.run(context);
    });
    res.send(response?.status ?? 200, response?.body);
  } catch (error) {
    if (error instanceof AuthenticationRefused) {
      // why, for whoever runs the bot (never the token itself); the caller learns only the status
      log.warn({ reason: reasonOf(error.cause), status: error.status }, 'request refused: authentication');
      refuse(res, error.status, error.message);
      return;
    }
    // onTurnError already answered the user; this is a failure of the adapter itself
    log.error({ err: error }, 'adapter failed');
    if (!res.headersSent) refuse(res, 500, 'internal error');
  }
}

/** As CloudAdapter.process does (botbuilder's validateAndFixActivity): the date fields become Dates, the raw strings stay. */
function withDates(incoming: IncomingActivity): Activity {
  const activity = { ...incoming } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}
