import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import { MESSAGES } from '../messages.js';
import type { Courier } from './Courier.js';
import type { Agent, Ticket, TicketLine, TicketResult } from './Ticket.js';
import type { TicketStore } from './TicketStore.js';

/** Lines a ticket keeps: the handoff transcript (40) and a long support conversation after it. */
const MAX_TICKET_LINES = 240;
/** Ticket ids are read aloud and typed by agents: short, no look-alike characters (Crockford). */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 8;

export type TicketDraft = Omit<Ticket, 'id' | 'status' | 'createdAt' | 'thread'>;

/** What happened to a message the user wrote while handed over. */
export type UserMessageResult = 'queued' | 'relayed' | 'gone';

/**
 * The support desk: opens tickets, lets one agent claim each, relays messages both ways until the
 * agent resolves it. Every state change is a compare-and-swap in the TicketStore and each side
 * effect (a message to the user, a note in the thread) is sent only by the caller whose change won,
 * so each message is delivered once even when agents act at the same moment on different instances.
 * Used by the agents' Teams side and the HTTP API alike.
 */
export class HandoffDesk {
  constructor(
    private readonly store: TicketStore,
    private readonly courier: Courier,
    private readonly log: Logger,
  ) {}

  /** Stores the ticket, then posts its card to the support channel when one is known. */
  async open(draft: TicketDraft): Promise<Ticket> {
    const ticket: Ticket = { ...draft, id: newTicketId(), status: 'open', createdAt: new Date().toISOString() };
    try {
      await this.store.create(ticket);
    } catch (error) {
      // stored but not listed (the queue index kept changing): still posted to the channel below
      if (!(await this.store.get(ticket.id))) throw error;
      this.log.error({ err: error, ticketId: ticket.id }, 'ticket stored but not added to the agent API queue');
    }
    try {
      const thread = await this.courier.announce(ticket);
      if (!thread) {
        this.log.warn({ ticketId: ticket.id }, 'ticket opened, but no support channel is known yet: agents see it through the agent API only');
        return ticket;
      }
      await this.store.linkThread(thread.cardId, ticket.id);
      const linked = await this.store.change(ticket.id, (t) => ({ ...t, thread }));
      return 'refused' in linked ? ticket : linked.ticket;
    } catch (error) {
      // the ticket is safe in storage and listed by the agent API; the user's turn goes on
      this.log.error({ err: error, ticketId: ticket.id }, 'could not post the ticket to the support channel');
      return ticket;
    }
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.store.get(id);
  }

  byThread(cardId: string): Promise<Ticket | undefined> {
    return this.store.byThread(cardId);
  }

  /** Open and claimed tickets, oldest first. */
  unresolved(): Promise<Ticket[]> {
    return this.store.unresolved();
  }

  /** Exactly one agent wins a ticket; claiming one's own ticket again is harmless. */
  async claim(id: string, agent: Agent): Promise<TicketResult> {
    let mine: Ticket | undefined;
    const result = await this.store.change(id, (t) => {
      if (t.status === 'resolved') return 'resolved';
      if (t.status === 'claimed') return t.claimedBy?.id === agent.id ? t : 'already-claimed';
      mine = { ...t, status: 'claimed', claimedBy: agent, claimedAt: new Date().toISOString() };
      return mine;
    });
    if (won(result, mine)) {
      const { ticket } = result;
      await this.tell(
        ticket,
        () => this.courier.toUser(ticket, MESSAGES.desk.agentJoined(agent.name)),
        () => this.courier.toThread(ticket, MESSAGES.desk.claimed(agent.name)),
        () => this.courier.refreshCard(ticket),
      );
    }
    return result;
  }

  /** The claiming agent's message, relayed to the user. */
  async reply(id: string, agent: Agent, text: string): Promise<TicketResult> {
    const result = await this.store.change(id, (t) => {
      if (t.status === 'resolved') return 'resolved';
      if (t.status !== 'claimed') return 'not-claimed';
      if (t.claimedBy?.id !== agent.id) return 'claimed-by-other';
      return withLine(t, { from: 'agent', agent: agent.name, text, at: new Date().toISOString() });
    });
    if (!('refused' in result)) await this.tell(result.ticket, () => this.courier.toUser(result.ticket, MESSAGES.desk.agentSays(agent.name, text)));
    return result;
  }

  /**
   * A message from the user of a ticket: added to the ticket and written in its thread, whether an
   * agent has claimed it yet or not; with what the bot answered meanwhile, while nobody has (the
   * agent then sees the whole conversation). 'gone' when the ticket is resolved.
   */
  async fromUser(id: string, text: string, botReplies: readonly string[] = []): Promise<UserMessageResult> {
    const at = new Date().toISOString();
    const lines: TicketLine[] = [{ from: 'user', text, at }, ...botReplies.map((reply): TicketLine => ({ from: 'bot', text: reply, at }))];
    const result = await this.store.change(id, (t) => (t.status === 'resolved' ? 'resolved' : withLines(t, lines)));
    if ('refused' in result) return 'gone';
    const said = [MESSAGES.desk.userSays(text), ...botReplies.map((reply) => MESSAGES.desk.botSays(reply))].join('\n\n');
    await this.tell(result.ticket, () => this.courier.toThread(result.ticket, said));
    return result.ticket.status === 'claimed' ? 'relayed' : 'queued';
  }

  /**
   * Ends the support conversation: the user is back with the bot and is told so, unless the
   * caller tells them itself (an external hub's handoff.status, answered in the user's own turn).
   */
  async resolve(id: string, agent: Agent, tellUser = true): Promise<TicketResult> {
    const result = await this.end(id, agent);
    if (!('refused' in result)) {
      const { ticket } = result;
      await this.tell(
        ticket,
        () => (tellUser ? this.courier.toUser(ticket, MESSAGES.handoffStatus.completed) : Promise.resolve()),
        () => this.courier.toThread(ticket, MESSAGES.desk.resolved(agent.name)),
        () => this.courier.refreshCard(ticket),
      );
    }
    return result;
  }

  /** The user stopped waiting before anyone claimed the ticket. */
  async withdraw(id: string): Promise<TicketResult> {
    const result = await this.end(id, USER_AS_RESOLVER);
    if (!('refused' in result)) {
      const { ticket } = result;
      await this.tell(
        ticket,
        () => this.courier.toThread(ticket, MESSAGES.desk.withdrawn),
        () => this.courier.refreshCard(ticket),
      );
    }
    return result;
  }

  /**
   * The messages that go with a change, in order, after the change is stored. One that fails is
   * logged and the others still go: the change itself stands (an agent retrying a claim would
   * otherwise find it theirs and nobody would tell the user), and every line is in the transcript.
   */
  private async tell(ticket: Ticket, ...messages: (() => Promise<void>)[]): Promise<void> {
    for (const message of messages) {
      try {
        await message();
      } catch (error) {
        this.log.error({ err: error, ticketId: ticket.id }, 'a handoff message could not be delivered');
      }
    }
  }

  /** Resolves unless already resolved, which is refused, so only the caller whose change won says so. */
  private end(id: string, by: Agent): Promise<TicketResult> {
    return this.store.change(id, (t) => (t.status === 'resolved' ? 'resolved' : { ...t, status: 'resolved', resolvedBy: by, resolvedAt: new Date().toISOString() }));
  }
}

/** Who resolves a ticket the user withdrew. */
const USER_AS_RESOLVER: Agent = Object.freeze({ id: 'user', name: 'the user' });

/** Whether this caller's change is the one stored (not a refusal, not someone else's). */
function won(result: TicketResult, mine: Ticket | undefined): result is { readonly ticket: Ticket } {
  return !('refused' in result) && mine !== undefined && result.ticket === mine;
}

function withLine(ticket: Ticket, line: TicketLine): Ticket {
  return withLines(ticket, [line]);
}

function withLines(ticket: Ticket, lines: readonly TicketLine[]): Ticket {
  return { ...ticket, transcript: [...ticket.transcript, ...lines].slice(-MAX_TICKET_LINES) };
}

function newTicketId(): string {
  return [...randomBytes(ID_LENGTH)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}
