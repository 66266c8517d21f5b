import type { Request, Response, Server } from 'restify';
import { HttpError } from '../http/HttpError.js';
import { BadRequest, readJsonBody } from '../http/readJsonBody.js';
import { respond } from '../http/respond.js';
import { refusingStorageOutage } from '../http/storageOutage.js';
import type { Logger } from '../logger.js';
import type { LocalDirectLine } from './LocalDirectLine.js';
import { DIRECT_LINE_OPTIONS } from './options.js';

/**
 * The bot's side of the local Direct Line: the two Bot Connector calls botbuilder's connector
 * client makes to send a message, `POST {serviceUrl}/v3/conversations/{id}/activities` (proactive,
 * continueConversationAsync) and `.../activities/{replyToId}` (replies). The serviceUrl carries the
 * connector key, so only the bot, which got the serviceUrl from us, can post into a conversation.
 */
export function registerConnectorRoutes(server: Server, directLine: LocalDirectLine, log: Logger): void {
  const route = `${DIRECT_LINE_OPTIONS.connectorPath}/:key/v3/conversations/:conversationId/activities`;
  // async: restify accepts a two-argument handler only when it is an async function
  const handler = async (req: Request, res: Response): Promise<void> => {
    await respond(res, log, () => refusingStorageOutage(log, async () => {
      if (!(await directLine.isConnectorKey(param(req, 'key')))) throw new HttpError(403, 'unknown connector key');
      const activity = await readJsonBody(req, DIRECT_LINE_OPTIONS.maxReplyBytes);
      if (typeof activity !== 'object' || activity === null || Array.isArray(activity) || typeof (activity as { type?: unknown }).type !== 'string') {
        throw new BadRequest(400, 'body must be one activity with a type');
      }
      const delivered = await directLine.deliver(param(req, 'conversationId'), activity as Record<string, unknown>);
      if (!delivered) throw new HttpError(404, 'conversation not found');
      res.send(200, delivered);
    }));
  };
  server.post(route, handler);
  server.post(`${route}/:replyToId`, handler);
}

function param(req: Request, name: string): string {
  const params = req.params as Readonly<Record<string, unknown>>;
  const value = params[name];
  return typeof value === 'string' ? value : '';
}
