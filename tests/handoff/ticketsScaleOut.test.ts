import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandoffDesk } from '../../src/handoff/HandoffDesk.js';
import type { Agent, Ticket } from '../../src/handoff/Ticket.js';
import { TicketStore } from '../../src/handoff/TicketStore.js';
import { createLogger } from '../../src/logger.js';
import { MESSAGES } from '../../src/messages.js';
import { createStorage } from '../../src/storage/createStorage.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { RecordingCourier, ticketDraft } from '../helpers/tickets.js';

/**
 * Two bot instances, each with its own Blob Storage client (as createStorage builds it for a
 * process) on one Azurite container, each with its own desk and courier: what one stores the
 * other sees, and a claim race between them has one winner.
 */
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.close();
});

interface Instance {
  readonly desk: HandoffDesk;
  readonly courier: RecordingCourier;
}

/** Two instances on a container of their own, so tests do not see each other's tickets. */
function twoInstances(): [Instance, Instance] {
  const container = `tickets-${randomUUID().slice(0, 8)}`;
  const instance = (): Instance => {
    const courier = new RecordingCourier();
    const store = new TicketStore(createStorage({ connectionString: azurite.connectionString, container }));
    return { courier, desk: new HandoffDesk(store, courier, createLogger('silent')) };
  };
  return [instance(), instance()];
}

function agents(prefix: string, count: number): Agent[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i}` }));
}

describe('tickets shared by two instances through Blob Storage', () => {
  it('a ticket opened on one instance is listed, claimed and resolved on the other', async () => {
    const [a, b] = twoInstances();
    const opened = await a.desk.open(ticketDraft());
    expect((await b.desk.unresolved()).map((t) => t.id)).toEqual([opened.id]);

    expect(await b.desk.claim(opened.id, { id: 'ann', name: 'Ann' })).toMatchObject({ ticket: { status: 'claimed' } });
    expect((await a.desk.get(opened.id))?.claimedBy).toEqual({ id: 'ann', name: 'Ann' });

    expect(await b.desk.resolve(opened.id, { id: 'ann', name: 'Ann' })).toMatchObject({ ticket: { status: 'resolved' } });
    expect(await a.desk.unresolved()).toEqual([]);
    expect(await a.desk.resolve(opened.id, { id: 'bob', name: 'Bob' })).toMatchObject({ refused: 'resolved' });
  });

  it('of agents on both instances claiming at once exactly one wins, and the user is told once', async () => {
    const [a, b] = twoInstances();
    // a few tickets, so the race is run more than once
    for (let round = 0; round < 3; round += 1) {
      const opened = await a.desk.open(ticketDraft());
      const claims = [...agents('a', 5).map((agent) => a.desk.claim(opened.id, agent)), ...agents('b', 5).map((agent) => b.desk.claim(opened.id, agent))];
      const results = await Promise.all(claims);

      const winners = results.filter((r): r is { ticket: Ticket } => !('refused' in r));
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => 'refused' in r && r.refused === 'already-claimed')).toHaveLength(9);
      const winner = winners[0]!.ticket.claimedBy!;
      expect((await b.desk.get(opened.id))?.claimedBy).toEqual(winner);
      expect([...a.courier.userSaw(opened.id), ...b.courier.userSaw(opened.id)]).toEqual([MESSAGES.desk.agentJoined(winner.name)]);
    }
  });

  it('thirty tickets opened at once, half on each instance, are all stored and all listed', async () => {
    const [a, b] = twoInstances();
    // every open writes the one index record: a burst of handoffs is its worst case
    const opened = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).desk.open(ticketDraft({ question: `question ${i}` }))));
    const listed = await b.desk.unresolved();
    expect(listed.map((t) => t.id).sort()).toEqual(opened.map((t) => t.id).sort());
  });
});
