import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { HandoffDesk } from '../../src/handoff/HandoffDesk.js';
import type { Agent, Ticket } from '../../src/handoff/Ticket.js';
import { TicketStore } from '../../src/handoff/TicketStore.js';
import { createLogger } from '../../src/logger.js';
import { MESSAGES } from '../../src/messages.js';
import { RecordingCourier, ticket, ticketDraft } from '../helpers/tickets.js';

const ANN: Agent = { id: 'agent-ann', name: 'Ann' };

function agents(count: number): Agent[] {
  return Array.from({ length: count }, (_, i) => ({ id: `agent-${i}`, name: `Agent ${i}` }));
}

describe('TicketStore', () => {
  it('gives back a created ticket as it was stored, and nothing for an unknown id', async () => {
    const store = new TicketStore(new MemoryStorage());
    const created = ticket('T1');
    await store.create(created);
    expect(await store.get('T1')).toEqual(created);
    expect(await store.get('T2')).toBeUndefined();
  });

  it('lists open and claimed tickets oldest first; a resolved one leaves the list', async () => {
    const store = new TicketStore(new MemoryStorage());
    // created in another order than their times, as tickets opened at once on two instances can be
    await store.create(ticket('NEWEST', { createdAt: '2026-11-25T10:00:03.000Z' }));
    await store.create(ticket('OLDEST', { createdAt: '2026-11-25T10:00:01.000Z' }));
    await store.create(ticket('MIDDLE', { createdAt: '2026-11-25T10:00:02.000Z', status: 'claimed', claimedBy: ANN }));
    expect((await store.unresolved()).map((t) => t.id)).toEqual(['OLDEST', 'MIDDLE', 'NEWEST']);

    await store.change('MIDDLE', (t) => ({ ...t, status: 'resolved' }));
    expect((await store.unresolved()).map((t) => t.id)).toEqual(['OLDEST', 'NEWEST']);
    expect((await store.get('MIDDLE'))?.status).toBe('resolved');
  });

  it('finds a ticket by the support thread its card started', async () => {
    const store = new TicketStore(new MemoryStorage());
    await store.create(ticket('T1'));
    // a Teams activity id holds characters a storage key must not (colons, semicolons)
    await store.linkThread('1:card;messageid=17', 'T1');
    expect((await store.byThread('1:card;messageid=17'))?.id).toBe('T1');
    expect(await store.byThread('1:card;messageid=18')).toBeUndefined();
  });

  it('change() stores what it returns, and stores nothing when it refuses', async () => {
    const store = new TicketStore(new MemoryStorage());
    await store.create(ticket('T1'));
    const claimed = await store.change('T1', (t) => ({ ...t, status: 'claimed', claimedBy: ANN }));
    expect(claimed).toEqual({ ticket: expect.objectContaining({ id: 'T1', status: 'claimed', claimedBy: ANN }) as unknown });

    const refused = await store.change('T1', (t) => (t.status === 'claimed' ? 'already-claimed' : t));
    expect(refused).toEqual({ refused: 'already-claimed', ticket: expect.objectContaining({ claimedBy: ANN }) as unknown });
    expect(await store.change('NOPE', (t) => t)).toEqual({ refused: 'not-found' });
    expect((await store.get('T1'))?.status).toBe('claimed');
  });

  it('change() decides again on what another writer stored first, so no concurrent change is lost', async () => {
    const store = new TicketStore(new MemoryStorage());
    await store.create(ticket('T1', { transcript: [] }));
    const texts = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const seen: number[] = [];
    await Promise.all(
      texts.map((text) =>
        store.change('T1', (t: Ticket) => {
          seen.push(t.transcript.length);
          return { ...t, transcript: [...t.transcript, { from: 'user', text, at: '2026-11-25T10:00:00.000Z' }] };
        }),
      ),
    );
    expect((await store.get('T1'))?.transcript.map((l) => l.text).sort()).toEqual(texts);
    // the writes did overlap: some change saw a ticket another change had already moved on from
    expect(seen.length).toBeGreaterThan(texts.length);
  });
});

describe('HandoffDesk claims on one instance', () => {
  it('of ten agents claiming one ticket at once exactly one wins, and the user is told once', async () => {
    const courier = new RecordingCourier();
    const desk = new HandoffDesk(new TicketStore(new MemoryStorage()), courier, createLogger('silent'));
    const opened = await desk.open(ticketDraft());

    const results = await Promise.all(agents(10).map((agent) => desk.claim(opened.id, agent)));

    const winners = results.filter((r): r is { ticket: Ticket } => !('refused' in r));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => 'refused' in r && r.refused === 'already-claimed')).toHaveLength(9);
    const winner = winners[0]!.ticket.claimedBy!;
    expect((await desk.get(opened.id))?.claimedBy).toEqual(winner);
    expect(courier.userSaw(opened.id)).toEqual([MESSAGES.desk.agentJoined(winner.name)]);
    expect(courier.toThreads.filter((d) => d.ticketId === opened.id)).toEqual([{ ticketId: opened.id, text: MESSAGES.desk.claimed(winner.name) }]);
  });

  it('lets the winner claim again without telling the user twice', async () => {
    const courier = new RecordingCourier();
    const desk = new HandoffDesk(new TicketStore(new MemoryStorage()), courier, createLogger('silent'));
    const opened = await desk.open(ticketDraft());
    await desk.claim(opened.id, ANN);
    const again = await desk.claim(opened.id, ANN);
    expect(again).toEqual({ ticket: expect.objectContaining({ status: 'claimed', claimedBy: ANN }) as unknown });
    expect(courier.userSaw(opened.id)).toHaveLength(1);
  });
});
