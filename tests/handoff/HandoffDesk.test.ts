import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { HandoffDesk } from '../../src/handoff/HandoffDesk.js';
import type { SupportThread, Ticket } from '../../src/handoff/Ticket.js';
import { TicketStore } from '../../src/handoff/TicketStore.js';
import { createLogger } from '../../src/logger.js';
import { RecordingCourier, ticketDraft } from '../helpers/tickets.js';

const ANA = { id: 'ana', name: 'Ana Lima' };

/** A courier whose messages to users fail (the user's conversation is gone), and optionally its channel post. */
class FailingUserCourier extends RecordingCourier {
  constructor(private readonly announceFails = false) {
    super();
  }

  override toUser(): Promise<void> {
    return Promise.reject(new Error('conversation not found'));
  }

  override announce(ticket: Ticket): Promise<SupportThread | undefined> {
    return this.announceFails ? Promise.reject(new Error('Teams is down')) : super.announce(ticket);
  }
}

function desk(courier: RecordingCourier): { desk: HandoffDesk; logged: string[] } {
  const logged: string[] = [];
  const log = createLogger('info', { write: (line: string) => logged.push(line) });
  return { desk: new HandoffDesk(new TicketStore(new MemoryStorage()), courier, log), logged };
}

describe('the handoff desk when a message cannot be delivered', () => {
  it('a claim stands, the thread and card still hear of it, and the failure is logged', async () => {
    const courier = new FailingUserCourier();
    const { desk: subject, logged } = desk(courier);
    const opened = await subject.open(ticketDraft());
    const claimed = await subject.claim(opened.id, ANA);
    expect(claimed).toMatchObject({ ticket: { status: 'claimed', claimedBy: ANA } });
    expect(courier.toThreads.map((d) => d.text)).toEqual([expect.stringContaining('Ana Lima claimed this ticket')]);
    expect(courier.refreshed).toEqual([{ ticketId: opened.id, status: 'claimed' }]);
    expect(logged.join('\n')).toContain('a handoff message could not be delivered');
  });

  it('a reply that cannot reach the user is still in the transcript, once', async () => {
    const courier = new FailingUserCourier();
    const { desk: subject } = desk(courier);
    const opened = await subject.open(ticketDraft());
    await subject.claim(opened.id, ANA);
    await subject.reply(opened.id, ANA, 'Are you still there?');
    const lines = (await subject.get(opened.id))?.transcript.filter((l) => l.from === 'agent').map((l) => l.text);
    expect(lines).toEqual(['Are you still there?']);
  });

  it('a ticket whose card cannot be posted is still opened and queued for the agent API', async () => {
    const { desk: subject, logged } = desk(new FailingUserCourier(true));
    const opened = await subject.open(ticketDraft());
    expect(opened.thread).toBeUndefined();
    expect((await subject.unresolved()).map((t) => t.id)).toEqual([opened.id]);
    expect(logged.join('\n')).toContain('could not post the ticket to the support channel');
  });
});
