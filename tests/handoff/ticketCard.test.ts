import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/handoff/Ticket.js';
import { readTicketAction, ticketCard } from '../../src/handoff/ticketCard.js';
import { parseAsAdaptiveCard15 } from '../teams/officialCardParser.js';

const OPEN: Ticket = {
  id: 'K7Q2M9XD',
  status: 'open',
  reason: 'repeated-fallback',
  question: 'How much did *Sora* cost to run? [click](http://evil.example)',
  candidates: [{ entryId: 'sora-revenue', question: 'How much money did Sora make?', score: 0.41 }],
  transcript: [
    { from: 'user', text: 'How much did *Sora* cost to run? [click](http://evil.example)', at: '2026-11-25T10:00:00.000Z' },
    { from: 'bot', text: "The article doesn't say.", at: '2026-11-25T10:00:01.000Z' },
  ],
  channelId: 'webchat',
  user: { conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' } },
  createdAt: '2026-11-25T10:00:01.000Z',
};
const ANA = { id: 'ana', name: 'Ana Lima' };

function actionTitles(card: Record<string, unknown>): string[] {
  return ((card.actions ?? []) as { title: string }[]).map((a) => a.title);
}

describe('the ticket card in the support channel', () => {
  it.each([
    ['open', OPEN, ['Claim', 'Resolve'], 'Open: waiting for an agent'],
    ['claimed', { ...OPEN, status: 'claimed', claimedBy: ANA } satisfies Ticket, ['Resolve'], 'Claimed by Ana Lima'],
    ['resolved', { ...OPEN, status: 'resolved', resolvedBy: ANA } satisfies Ticket, [], 'Resolved by Ana Lima'],
  ] as const)('is a clean Adaptive Card 1.5 when %s, with the actions that state allows', (_state, ticket, actions, status) => {
    const card = ticketCard(ticket);
    const parsed = parseAsAdaptiveCard15(card);
    expect(parsed.problems).toEqual([]);
    expect(parsed.roundTrip).toEqual(card);
    expect(actionTitles(card)).toEqual(actions);
    expect(JSON.stringify(card)).toContain(status);
  });

  it('shows the reason, channel, candidates with scores, and what the user wrote as plain text that cannot restyle the card', () => {
    const text = JSON.stringify(ticketCard(OPEN));
    expect(text).toContain('The bot could not answer twice in a row');
    expect(text).toContain('webchat');
    expect(text).toContain('"title":"0.41","value":"How much money did Sora make?"');
    // user text sits in TextRuns, which Adaptive Cards never read as markdown
    expect(text).toContain('{"type":"TextRun","text":"How much did *Sora* cost to run? [click](http://evil.example)"}');
    expect(text).not.toMatch(/"type":"TextBlock","text":"[^"]*\[click\]/);
  });

  it('Claim and Resolve send the ticket id, and only such values are read back as ticket actions', () => {
    const card = ticketCard(OPEN);
    const data = (card.actions as { data: unknown }[]).map((a) => readTicketAction(a.data));
    expect(data).toEqual([
      { handoff: 'claim', ticketId: 'K7Q2M9XD' },
      { handoff: 'resolve', ticketId: 'K7Q2M9XD' },
    ]);
    for (const value of [undefined, null, 'claim', { handoff: 'delete', ticketId: 'x' }, { handoff: 'claim', ticketId: 7 }, { handoff: 'claim', ticketId: 'x'.repeat(65) }]) {
      expect(readTicketAction(value)).toBeUndefined();
    }
  });
});
