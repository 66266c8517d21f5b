import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { BotAdapter } from './BotAdapter.js';
import { turnLog } from './turnLog.js';
import { MESSAGES } from '../messages.js';
import { StorageUnavailable } from '../storage/StorageUnavailable.js';

/**
 * The CloudAdapter with authentication from config (off while MicrosoftAppId is empty) and a turn
 * error handler that logs the error and tells the user something short. Without it, botbuilder
 * would answer the HTTP request with a 500 carrying the raw error message.
 */
export function createAdapter(config: Pick<Config, 'botAuth'>, log: Logger): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = { ...config.botAuth };
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: unknown): Promise<void> => {
    // a storage outage is the platform's, not a bug: the user is told to try again shortly
    const storageDown = error instanceof StorageUnavailable;
    const turnLogger = turnLog(context, log);
    turnLogger.error({ err: error, activityType: context.activity.type, channelId: context.activity.channelId }, storageDown ? 'turn failed: storage unavailable' : 'turn failed');
    try {
      await context.sendActivity(storageDown ? MESSAGES.storageDown : MESSAGES.error);
    } catch (sendError) {
      // the reply channel itself is down; nothing more to tell the user
      turnLogger.error({ err: sendError }, 'could not send the error message');
    }
  };
  return adapter;
}
