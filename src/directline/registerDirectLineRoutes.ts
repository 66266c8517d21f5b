import type { Request, Response, Server } from 'restify';
import { HttpError } from '../http/HttpError.js';
import { BadRequest, readJsonBody } from '../http/readJsonBody.js';
import { refuse, respond } from '../http/respond.js';
import { requestLog } from '../http/requestLog.js';
import { refusingStorageOutage } from '../http/storageOutage.js';
import type { Logger } from '../logger.js';
import { StorageUnavailable } from '../storage/StorageUnavailable.js';
import type { OriginPolicy } from '../web/OriginPolicy.js';
import { parseClientActivity } from './clientActivity.js';
import type { IssuedToken } from './ConversationStore.js';
import type { LocalDirectLine } from './LocalDirectLine.js';
import { DIRECT_LINE_OPTIONS } from './options.js';
import { bearerToken } from './tokens.js';

/**
 * The browser's side of the local Direct Line: the four Direct Line v3 calls Web Chat makes when
 * polling (`createDirectLine({ token, domain, webSocket: false })`). Every call carries the bearer
 * token of one conversation. Status codes follow Azure's Direct Line, because Web Chat reacts to
 * them: 403 on a poll means "token expired", 404 means "conversation ended".
 */
export function registerDirectLineRoutes(server: Server, directLine: LocalDirectLine, origins: OriginPolicy, log: Logger): void {
  const base = DIRECT_LINE_OPTIONS.basePath;
  const activities = `${base}/conversations/:conversationId/activities`;

  // Starts the conversation the token belongs to (the bot greets once) and confirms it.
  server.post(`${base}/conversations`, async (req: Request, res: Response) => {
    req.resume(); // Web Chat sends {user, locale}; the user comes from the token, so the body is not read
    await guarded(req, res, origins, log, async () => {
      const session = await authenticate(req, directLine);
      const turnLog = requestLog(req, log);
      await turn(turnLog, () => directLine.start(session.conversation, turnLog));
      res.send(201, sessionBody(session));
    });
  });

  server.post(activities, async (req: Request, res: Response) => {
    await guarded(req, res, origins, log, async () => {
      const session = await authorize(req, directLine, conversationIdOf(req));
      const activity = parseClientActivity(await readJsonBody(req, DIRECT_LINE_OPTIONS.maxClientActivityBytes));
      const turnLog = requestLog(req, log);
      const id = await turn(turnLog, () => directLine.receive(session.conversation, activity, turnLog));
      res.send(200, { id });
    });
  });

  server.get(activities, async (req: Request, res: Response) => {
    await guarded(req, res, origins, log, async () => {
      const session = await authorize(req, directLine, conversationIdOf(req));
      res.header('cache-control', 'no-store');
      res.send(200, session.conversation.since(watermarkOf(req)));
    });
  });

  // Web Chat refreshes its token every 15 minutes; the old one stays valid until it expires.
  server.post(`${base}/tokens/refresh`, async (req: Request, res: Response) => {
    req.resume();
    await guarded(req, res, origins, log, async () => {
      const session = await authenticate(req, directLine);
      res.send(200, sessionBody(await directLine.store.issue(session.conversation)));
    });
  });

  origins.registerPreflight(server, `${base}/conversations`, ['POST']);
  origins.registerPreflight(server, activities, ['GET', 'POST']);
  origins.registerPreflight(server, `${base}/tokens/refresh`, ['POST']);
}

async function guarded(req: Request, res: Response, origins: OriginPolicy, log: Logger, route: () => Promise<void>): Promise<void> {
  if (!origins.admit(req, res)) {
    refuse(res, 403, 'this origin may not use the chat; add it to ALLOWED_ORIGINS');
    return;
  }
  await respond(res, log, () => refusingStorageOutage(log, route));
}

/** The conversation of the request's bearer token: 401 without one, 403 when it is unknown or expired. */
async function authenticate(req: Request, directLine: LocalDirectLine): Promise<IssuedToken> {
  const token = bearerToken(req.headers.authorization);
  if (token === undefined) throw new HttpError(401, 'missing Authorization: Bearer <token>');
  const session = await directLine.store.byToken(token);
  if (!session) throw new HttpError(403, 'token is invalid or expired');
  return session;
}

/** Like authenticate, for a conversation named in the path: 404 when it does not exist, 403 when the token is not its own. */
async function authorize(req: Request, directLine: LocalDirectLine, conversationId: string): Promise<IssuedToken> {
  const token = bearerToken(req.headers.authorization);
  if (token === undefined) throw new HttpError(401, 'missing Authorization: Bearer <token>');
  const found = await directLine.store.authorize(conversationId, token);
  if ('session' in found) return found.session;
  if (found.refused === 'not found') throw new HttpError(404, 'conversation not found');
  throw new HttpError(403, 'token is not valid for this conversation');
}

function conversationIdOf(req: Request): string {
  const id = (req.params as Readonly<Record<string, unknown>>).conversationId;
  return typeof id === 'string' ? id : '';
}

/** The watermark query parameter: a whole number, or absent for everything still kept. */
function watermarkOf(req: Request): number | undefined {
  const raw = new URL(req.url ?? '', 'http://local').searchParams.get('watermark');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new BadRequest(400, 'watermark must be a whole number');
  return Number(raw);
}

function sessionBody(session: IssuedToken): { conversationId: string; token: string; expires_in: number } {
  return { conversationId: session.conversation.id, token: session.token, expires_in: session.expiresInSeconds };
}

/** A bot turn; its failure is the bot's, not the browser's: 502 with no detail (the log has it). */
async function turn<T>(log: Logger, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // storage, not the bot: refusingStorageOutage answers it with a 503
    if (error instanceof StorageUnavailable) throw error;
    log.error({ err: error }, 'local Direct Line: the bot failed to take an activity');
    throw new HttpError(502, 'the bot could not take the activity');
  }
}
