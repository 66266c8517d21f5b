import type { Next, Request, Response } from 'restify';
import type { RateLimitConfig } from '../config.js';
import { clientAddress } from './clientAddress.js';
import { RateLimiter, type RateDecision } from './RateLimiter.js';
import { refuse } from './respond.js';

/**
 * Keys remembered per limiter. A key is a few dozen bytes, so 50,000 keys are a few MB; a flood of
 * made-up conversation ids or addresses evicts old keys instead of growing the map.
 */
const MAX_KEYS = 50_000;

/**
 * The POST routes a client can use to make the bot work: a bot turn (/api/messages, the local
 * Direct Line's activities) or a new conversation (token, start). GETs (the page, the bundle,
 * Web Chat's once-a-second poll) cost next to nothing and are not counted, so many visitors
 * behind one office address are not throttled for reading.
 */
const COSTLY_POST = /^\/(?:api\/messages|api\/directline\/token|v3\/directline\/(?:conversations|tokens\/refresh|conversations\/[^/]+\/activities))\/?$/;
const DIRECT_LINE_ACTIVITIES = /^\/v3\/directline\/conversations\/([^/]+)\/activities\/?$/;

/**
 * Rate limits per client address and per conversation, answered with 429, a Retry-After header in
 * seconds and a one-line reason. In memory, per process (see RateLimiter).
 */
export class RateLimits {
  private readonly perClient: RateLimiter;
  private readonly perConversation: RateLimiter;

  constructor(private readonly config: RateLimitConfig) {
    this.perClient = new RateLimiter({ perMinute: config.perClientPerMinute, maxKeys: MAX_KEYS });
    this.perConversation = new RateLimiter({ perMinute: config.perConversationPerMinute, maxKeys: MAX_KEYS });
  }

  /**
   * A restify `pre` handler: counts each costly POST against its client, and a local Direct Line
   * activity against its conversation (named in the path), before any body is read.
   */
  guard(): (req: Request, res: Response, next: Next) => void {
    return (req, res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method !== 'POST' || !COSTLY_POST.test(path)) {
        next();
        return;
      }
      const client = this.perClient.take(clientAddress(req, this.config.trustProxy));
      const conversationId = DIRECT_LINE_ACTIVITIES.exec(path)?.[1];
      const decision = client.allowed && conversationId !== undefined ? this.perConversation.take(`webchat:${conversationId}`) : client;
      if (decision.allowed) {
        next();
        return;
      }
      req.resume(); // the body is not read: drain it so the connection can answer
      tooMany(res, decision, client.allowed ? 'this conversation' : 'this client');
      next(false);
    };
  }

  /** Counts a turn of a Bot Framework conversation; false after answering 429. */
  admitConversation(channelId: string, conversationId: string, res: Response): boolean {
    const decision = this.perConversation.take(`${channelId}:${conversationId}`);
    if (!decision.allowed) tooMany(res, decision, 'this conversation');
    return decision.allowed;
  }
}

function tooMany(res: Response, decision: Exclude<RateDecision, { allowed: true }>, who: string): void {
  res.header('retry-after', String(decision.retryAfterSeconds));
  refuse(res, 429, `too many requests from ${who}; retry after ${decision.retryAfterSeconds} s`);
}
