import type { Activity, TurnContext } from 'botbuilder';
import type { Answerer } from '../answering/Answerer.js';
import { MESSAGES } from '../messages.js';
import { TEAMS_CHANNEL_ID } from '../teams/conversationKind.js';
import { agentAnswer, askedQuestion } from './agentAnswer.js';
import type { HandoffDesk } from './HandoffDesk.js';
import type { SupportChannel } from './SupportChannel.js';
import type { Agent, TicketResult } from './Ticket.js';
import { readTicketAction, type TicketAction } from './ticketCard.js';

/**
 * The agents' side in Teams: Claim / Resolve on a ticket card (or typed in its thread), what an
 * agent writes in a claimed ticket's thread (relayed to the user), and "ask: <question>" anywhere
 * in Teams, answered with the article's answer and source, ready to paste. Everything else is an
 * ordinary message for the bot.
 */
export class AgentTurn {
  constructor(
    private readonly desk: HandoffDesk,
    private readonly channel: SupportChannel,
    private readonly answerer: Answerer,
  ) {}

  /** Handles the message when it is an agent's; false when the bot should answer it as usual. */
  async handle(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.channelId !== TEAMS_CHANNEL_ID) return false;
    const text = (activity.text ?? '').trim();
    const inSupport = this.channel.isSupportConversation(activity);
    const tap = readTicketAction(activity.value);
    if (tap && inSupport) {
      await this.act(context, tap.handoff, tap.ticketId);
      return true;
    }
    const question = askedQuestion(text);
    if (question !== undefined) {
      await context.sendActivity({ type: 'message', text: agentAnswer(this.answerer, question), textFormat: 'markdown' });
      return true;
    }
    if (!inSupport) return false;
    const root = threadRoot(activity.conversation.id);
    const ticket = root === undefined ? undefined : await this.desk.byThread(root);
    // the support channel outside a ticket's thread: colleagues may ask the bot as anyone else
    if (!ticket) return false;
    const command = /^(claim|resolve)[.!]?$/i.exec(text)?.[1]?.toLowerCase();
    if (command === 'claim' || command === 'resolve') await this.act(context, command, ticket.id);
    else if (text !== '') await this.tell(context, await this.desk.reply(ticket.id, agentOf(activity), text));
    return true;
  }

  private async act(context: TurnContext, action: TicketAction['handoff'], ticketId: string): Promise<void> {
    const agent = agentOf(context.activity);
    await this.tell(context, action === 'claim' ? await this.desk.claim(ticketId, agent) : await this.desk.resolve(ticketId, agent));
  }

  /** The desk writes in the thread what went through; only a refusal needs telling here. */
  private async tell(context: TurnContext, result: TicketResult): Promise<void> {
    if (!('refused' in result)) return;
    const { desk } = MESSAGES;
    const holder = result.ticket?.claimedBy?.name ?? 'another agent';
    const text = {
      'not-found': desk.notFound,
      'already-claimed': desk.alreadyClaimed(holder),
      'not-claimed': desk.notClaimed,
      'claimed-by-other': desk.claimedByOther(holder),
      resolved: desk.alreadyResolved,
    }[result.refused];
    await context.sendActivity(text);
  }
}

/** The agent behind a Teams message: their Entra object id when Teams gives it (stable across chats). */
export function agentOf(activity: Partial<Activity>): Agent {
  const from = activity.from;
  return { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name ?? 'An agent' };
}

/** The root post of a Teams channel thread: `19:...@thread.tacv2;messageid=<root>`. */
function threadRoot(conversationId: string): string | undefined {
  return /;messageid=([^;]+)$/.exec(conversationId)?.[1];
}
