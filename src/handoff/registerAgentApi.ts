import type { Request, Response, Server } from 'restify';
import { readJsonBody } from '../http/readJsonBody.js';
import { requireBearerKey } from '../http/requireBearerKey.js';
import { requestLog } from '../http/requestLog.js';
import { refuse, respond } from '../http/respond.js';
import { refusingStorageOutage } from '../http/storageOutage.js';
import type { Logger } from '../logger.js';
import { AGENT_API_LIMITS, NOT_FOUND, parseAgentBody, parseReplyBody, ticketIdOf } from './agentApiRequests.js';
import type { HandoffDesk } from './HandoffDesk.js';
import type { Agent, Refusal, TicketResult } from './Ticket.js';
import { ticketDetail, ticketSummary } from './ticketSummary.js';

export interface AgentApiDeps {
  readonly desk: HandoffDesk;
  /** HANDOFF_API_KEY; empty turns the API off. */
  readonly apiKey: string;
  readonly log: Logger;
}

const BASE = '/api/agent';
const TICKET = `${BASE}/tickets/:id`;
/** Paths this API answers for, also when no route matches them. */
const API_PATH = /^\/api\/agent(?:[/?]|$)/;

/**
 * The HTTP API for agent tools: the queue of unresolved tickets, one ticket in full, and claim,
 * reply and resolve, all through the HandoffDesk (which also serves the agents' Teams side, so both
 * see and change the same tickets). Every call needs `Authorization: Bearer <HANDOFF_API_KEY>`.
 *
 * Without a key the API is off, and says so with a 404 on every /api/agent path, rather than
 * being absent: an operator who forgot the key gets the reason, not restify's bare "not found".
 */
export function registerAgentApi(server: Server, { desk, apiKey, log }: AgentApiDeps): void {
  if (apiKey === '') {
    answerUnrouted(server, 'the agent API is off: set HANDOFF_API_KEY');
    return;
  }
  const route = (handle: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    // tickets hold what customers wrote: no cache may keep them
    res.header('cache-control', 'no-store');
    await respond(res, log, () =>
      refusingStorageOutage(log, async () => {
        requireBearerKey(req, res, apiKey);
        await handle(req, res);
      }),
    );
  };

  server.get(`${BASE}/tickets`, route(async (_req, res) => {
    res.send(200, { tickets: (await desk.unresolved()).map(ticketSummary) });
  }));

  server.get(TICKET, route(async (req, res) => {
    const ticket = await desk.get(ticketIdOf(req));
    if (!ticket) {
      refuse(res, 404, NOT_FOUND);
      return;
    }
    res.send(200, { ticket: ticketDetail(ticket) });
  }));

  /** A change to one ticket: its id from the path, who (and what) from the body, the desk's verdict as the answer. */
  const action = <B extends { readonly agent: Agent }>(name: string, parse: (body: unknown) => B, change: (id: string, body: B) => Promise<TicketResult>) =>
    route(async (req, res) => {
      const id = ticketIdOf(req);
      const body = parse(await readJsonBody(req, AGENT_API_LIMITS.maxBodyBytes));
      answer(res, await change(id, body));
      // who did what to which ticket; never a message's text (the log keeps no one's words)
      requestLog(req, log).info({ ticketId: id, agentId: body.agent.id, status: res.statusCode }, `agent API: ${name}`);
    });
  server.post(`${TICKET}/claim`, action('claim', parseAgentBody, (id, { agent }) => desk.claim(id, agent)));
  server.post(`${TICKET}/reply`, action('reply', parseReplyBody, (id, { agent, text }) => desk.reply(id, agent, text)));
  server.post(`${TICKET}/resolve`, action('resolve', parseAgentBody, (id, { agent }) => desk.resolve(id, agent)));

  answerUnrouted(server, 'no such route in the agent API');
}

/** 200 `{ ticket }` when the desk made the change; otherwise 404, or 409 saying what stood in the way. */
function answer(res: Response, result: TicketResult): void {
  if (!('refused' in result)) {
    res.send(200, { ticket: ticketDetail(result.ticket) });
    return;
  }
  if (result.refused === 'not-found') {
    refuse(res, 404, NOT_FOUND);
    return;
  }
  const claimedBy = result.ticket?.claimedBy;
  const by = claimedBy?.name ?? 'another agent';
  // `code` is the desk's refusal, for tools to branch on; `error` is the sentence for a person
  const reasons: Record<Exclude<Refusal, 'not-found'>, string> = {
    'already-claimed': `the ticket is already claimed by ${by}`,
    'claimed-by-other': `only ${by}, who claimed the ticket, can reply`,
    'not-claimed': 'claim the ticket before replying',
    resolved: 'the ticket is already resolved',
  };
  const withClaimer = result.refused === 'already-claimed' || result.refused === 'claimed-by-other';
  res.send(409, { error: reasons[result.refused], code: result.refused, ...(withClaimer && claimedBy ? { claimedBy } : {}) });
}

/**
 * Every other path and method under /api/agent: the router's 404 and 405 in the API's `{ error }`
 * shape instead of restify's, which echoes the path. Listening to the router's events rather than
 * adding a wildcard route also catches paths the router cannot decode (a bad %-escape).
 */
function answerUnrouted(server: Server, notFound: string): void {
  const refusing = (status: number, reason: string) => (req: Request, res: Response, _error: unknown, done: () => void) => {
    if (API_PATH.test(req.url ?? '') && !res.headersSent) {
      req.resume();
      refuse(res, status, reason);
    }
    done(); // restify answers every other path itself, and skips a response already sent
  };
  server.on('NotFound', refusing(404, notFound));
  server.on('MethodNotAllowed', refusing(405, 'this method is not allowed here'));
}
