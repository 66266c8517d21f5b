import { ADAPTIVE_CARD_VERSION } from '../teams/adaptiveCard.js';
import type { Ticket } from './Ticket.js';

/** What a Claim / Resolve button sends (Teams: a message with this `value` and no text). */
export interface TicketAction {
  readonly handoff: 'claim' | 'resolve';
  readonly ticketId: string;
}

/** Transcript lines shown on the card; the full transcript is in the ticket (agent API). */
const CARD_TRANSCRIPT_LINES = 12;
const CARD_LINE_CHARS = 300;

const REASONS: Readonly<Record<Ticket['reason'], string>> = {
  'asked-for-person': 'The user asked for a person',
  'repeated-fallback': 'The bot could not answer twice in a row',
  'declined-clarification': 'None of the bot\'s "Did you mean" options fitted',
  'not-helpful': 'The user found an answer not helpful',
};

/**
 * A ticket as the Adaptive Card (1.5, what Teams renders) posted in the support channel: what the
 * user asked and why the bot gave up, the answers it considered with their scores, the recent
 * conversation, and the actions the ticket's state allows.
 */
export function ticketCard(ticket: Ticket): Record<string, unknown> {
  const facts = [
    { title: 'Status', value: status(ticket) },
    { title: 'Why', value: REASONS[ticket.reason] },
    { title: 'Channel', value: ticket.channelId },
    { title: 'Opened', value: ticket.createdAt },
  ];
  const candidates = ticket.candidates.map((c) => ({ title: c.score.toFixed(2), value: c.question }));
  const lines = ticket.transcript.slice(-CARD_TRANSCRIPT_LINES).map((line) =>
    literal(line.from === 'agent' ? (line.agent ?? 'Agent') : line.from === 'user' ? 'User' : 'Bot', line.text.slice(0, CARD_LINE_CHARS)),
  );
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `Ticket ${ticket.id}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ticket.question === '' ? { type: 'TextBlock', text: '(no question: the user asked for a person straight away)', wrap: true, isSubtle: true } : literal('Question', ticket.question),
      { type: 'FactSet', facts },
      ...(candidates.length > 0 ? [{ type: 'TextBlock', text: 'Answers the bot considered (score)', weight: 'Bolder', wrap: true, spacing: 'Medium' }, { type: 'FactSet', facts: candidates }] : []),
      ...(lines.length > 0 ? [{ type: 'TextBlock', text: 'Conversation', weight: 'Bolder', wrap: true, spacing: 'Medium' }, ...lines] : []),
    ],
    ...(ticket.status === 'resolved' ? {} : { actions: actions(ticket) }),
  };
}

function status(ticket: Ticket): string {
  switch (ticket.status) {
    case 'open':
      return 'Open: waiting for an agent';
    case 'claimed':
      return `Claimed by ${ticket.claimedBy?.name ?? 'an agent'}`;
    case 'resolved':
      return `Resolved by ${ticket.resolvedBy?.name ?? 'an agent'}`;
  }
}

function actions(ticket: Ticket): Record<string, unknown>[] {
  const submit = (title: string, handoff: TicketAction['handoff']): Record<string, unknown> => ({
    type: 'Action.Submit',
    title,
    data: { handoff, ticketId: ticket.id } satisfies TicketAction,
  });
  switch (ticket.status) {
    case 'open':
      return [submit('Claim', 'claim'), submit('Resolve', 'resolve')];
    default:
      return [submit('Resolve', 'resolve')];
  }
}

/**
 * "Who: what they wrote" as TextRuns, which Adaptive Cards never read as markdown: a user's
 * message shows as typed and cannot restyle the card.
 */
function literal(who: string, text: string): Record<string, unknown> {
  return {
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [
      { type: 'TextRun', text: `${who}: `, weight: 'Bolder' },
      { type: 'TextRun', text: text.replace(/\s+/g, ' ') },
    ],
  };
}

/** A Claim / Resolve tap, read from a message's value (which comes from the wire). */
export function readTicketAction(value: unknown): TicketAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { handoff, ticketId } = value as { handoff?: unknown; ticketId?: unknown };
  if ((handoff !== 'claim' && handoff !== 'resolve') || typeof ticketId !== 'string' || ticketId.length > 64) return undefined;
  return { handoff, ticketId };
}
