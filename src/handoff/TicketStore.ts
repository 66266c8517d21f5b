import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage, StoreItem } from 'botbuilder';
import { retryOnConflict } from '../storage/retryOnConflict.js';
import { isETagConflict, StorageUnavailable } from '../storage/StorageUnavailable.js';
import type { Refusal, Ticket, TicketResult } from './Ticket.js';

const ticketKey = (id: string): string => `handoff/tickets/${id}`;
const threadKey = (cardId: string): string => `handoff/threads/${encodeURIComponent(cardId)}`;
const INDEX_KEY = 'handoff/unresolved';

/**
 * Tries of a change that keeps losing to other writers. Few write one ticket at once (two agents
 * claiming, a relayed message), so this is plenty; a short random pause keeps instances out of step.
 */
const MAX_WRITE_TRIES = 10;
const RETRY_PAUSE_MS = 5;
/**
 * The index, by contrast, is one record that every create and resolve writes, and only one writer
 * per round wins: a burst of handoffs on several instances (20 at once on two Blob Storage clients
 * ran out of 10 tries with short pauses) needs more tries, and pauses that grow (with jitter, so
 * the losers spread out), up to a cap that keeps a user's turn waiting a few seconds at worst.
 */
const MAX_INDEX_TRIES = 30;
const MAX_INDEX_PAUSE_MS = 200;

interface StoredTicket extends StoreItem {
  readonly ticket: Ticket;
}

interface UnresolvedIndex extends StoreItem {
  readonly ids: readonly string[];
}

/**
 * Tickets in the bot's Storage (memory, or Blob Storage shared by every instance). Every change is
 * a compare-and-swap on the ticket's eTag: read, decide, write only if nobody wrote in between,
 * otherwise decide again on what they wrote. That is what lets exactly one of two agents who
 * press Claim at the same moment win, on one instance or several.
 *
 * Storage cannot list keys, so the ids of unresolved tickets are kept in one index record.
 */
export class TicketStore {
  constructor(private readonly storage: Storage) {}

  async create(ticket: Ticket): Promise<void> {
    await this.storage.write({ [ticketKey(ticket.id)]: { ticket, eTag: '*' } satisfies StoredTicket });
    await this.updateIndex((ids) => (ids.includes(ticket.id) ? undefined : [...ids, ticket.id]));
  }

  async get(id: string): Promise<Ticket | undefined> {
    return (await this.readStored(id))?.ticket;
  }

  /**
   * The tickets not yet resolved, oldest first. Sorted by createdAt rather than taken in index
   * order: tickets opened at the same moment (on two instances) reach the index in whichever order
   * their writes win, and the repair of a lost first index write appends the older id last.
   */
  async unresolved(): Promise<Ticket[]> {
    const index = await this.readIndex();
    if (!index || index.ids.length === 0) return [];
    const items = await this.storage.read(index.ids.map(ticketKey));
    return index.ids
      .map((id) => (items[ticketKey(id)] as StoredTicket | undefined)?.ticket)
      .filter((t): t is Ticket => t !== undefined && t.status !== 'resolved')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  /**
   * Applies `change` to the ticket as stored now and writes it back if nobody else wrote it in the
   * meantime; otherwise reads again and lets `change` decide again. `change` refuses by returning
   * a reason, and is called only with what is really stored.
   */
  async change(id: string, change: (ticket: Ticket) => Ticket | Refusal): Promise<TicketResult> {
    const result = await retryOnConflict(MAX_WRITE_TRIES, (attempt) => Math.random() * RETRY_PAUSE_MS * attempt, async (): Promise<TicketResult> => {
      const stored = await this.readStored(id);
      if (!stored) return { refused: 'not-found' };
      const next = change(stored.ticket);
      if (typeof next === 'string') return { refused: next, ticket: stored.ticket };
      await this.storage.write({ [ticketKey(id)]: { ticket: next, eTag: stored.eTag ?? '*' } satisfies StoredTicket });
      return { ticket: next };
    });
    if (!('refused' in result) && result.ticket.status === 'resolved') {
      await this.updateIndex((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : undefined));
    }
    return result;
  }

  /** Remembers which ticket a support-channel thread belongs to. */
  async linkThread(cardId: string, ticketId: string): Promise<void> {
    await this.storage.write({ [threadKey(cardId)]: { ticketId, eTag: '*' } });
  }

  /** The ticket whose card starts the thread `cardId`, if any. */
  async byThread(cardId: string): Promise<Ticket | undefined> {
    const key = threadKey(cardId);
    const link = (await this.storage.read([key]))[key] as { ticketId?: unknown } | undefined;
    return typeof link?.ticketId === 'string' ? this.get(link.ticketId) : undefined;
  }

  private async readStored(id: string): Promise<StoredTicket | undefined> {
    const key = ticketKey(id);
    return (await this.storage.read([key]))[key] as StoredTicket | undefined;
  }

  private async readIndex(): Promise<UnresolvedIndex | undefined> {
    return (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as UnresolvedIndex | undefined;
  }

  /**
   * Changes the index until a read shows the change made (`edit` returns undefined then). The
   * very first write has no eTag to check against, so two first tickets could overwrite each
   * other's index; reading back until the id is there repairs that.
   */
  private async updateIndex(edit: (ids: readonly string[]) => readonly string[] | undefined): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const index = await this.readIndex();
      const ids = edit(index?.ids ?? []);
      if (ids === undefined) return;
      if (attempt > MAX_INDEX_TRIES) throw new StorageUnavailable('write', new Error('the ticket index kept changing'));
      try {
        await this.storage.write({ [INDEX_KEY]: { ids, eTag: index?.eTag ?? '*' } satisfies UnresolvedIndex });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        await sleep(Math.random() * Math.min(MAX_INDEX_PAUSE_MS, RETRY_PAUSE_MS * 2 ** attempt));
      }
    }
  }
}
