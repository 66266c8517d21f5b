import { ActivityTypes, type Activity, type CardAction, ActionTypes } from 'botbuilder';
import type { ReplyModel } from '../../dialogs/replies.js';
import { toAdaptiveCard } from '../teams/adaptiveCard.js';
import { showsSuggestedActions, TEAMS_CHANNEL_ID, type ConversationSource } from '../teams/conversationKind.js';
import { toMessage } from './render.js';

/**
 * A reply dressed for the channel it goes to. Teams gets an Adaptive Card 1.5 (answer, quotes,
 * buttons that post the question back), since it renders markdown quotes poorly and shows no
 * suggested actions in channels and group chats; in a personal chat, where Teams does show them,
 * the buttons are suggested actions too, next to the compose box. Every other channel (Web Chat,
 * the Emulator) gets markdown text with suggested actions.
 */
export function dressReply(reply: ReplyModel, incoming: ConversationSource): Partial<Activity> {
  if (incoming.channelId !== TEAMS_CHANNEL_ID) return toMessage(reply);
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    // the notification preview and screen readers read `text`; the card holds the full reply
    text: reply.text,
    attachments: [toAdaptiveCard(reply)],
  };
  if (reply.buttons.length > 0 && showsSuggestedActions(incoming)) {
    activity.suggestedActions = { actions: reply.buttons.map(imBack), to: [] };
  }
  return activity;
}

function imBack(label: string): CardAction {
  return { type: ActionTypes.ImBack, title: label, value: label };
}
