import type { Activity } from 'botbuilder';

/** Where a Teams message was written: a 1:1 chat with the bot, a group chat, or a team's channel. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface TeamsConversation {
  readonly kind: ConversationKind;
  /** the team's thread id (`19:...@thread.tacv2`), in channels only */
  readonly teamId?: string;
  /** the channel's id, in channels only (the General channel's id equals the team's) */
  readonly channelId?: string;
  readonly tenantId?: string;
}

/** The parts of an incoming activity the classification reads. */
export type ConversationSource = Pick<Partial<Activity>, 'channelId' | 'conversation' | 'channelData'>;

/** The Bot Framework channel id of Microsoft Teams. */
export const TEAMS_CHANNEL_ID = 'msteams';

/**
 * Classifies a Teams activity. `conversation.conversationType` decides when Teams sends it (it
 * always does today); otherwise a team in `channelData` means a channel and `isGroup` a group
 * chat. Team, channel and tenant come from `channelData` (the tenant also from `conversation`).
 * Fields come from the wire, so each is checked before use.
 */
export function classifyConversation(activity: ConversationSource): TeamsConversation {
  const channelData = record(activity.channelData);
  const team = record(channelData?.team);
  const channel = record(channelData?.channel);
  const conversation = record(activity.conversation);
  const teamId = text(team?.id);
  const channelId = text(channel?.id);
  const tenantId = text(record(channelData?.tenant)?.id) ?? text(conversation?.tenantId);

  let kind: ConversationKind;
  switch (conversation?.conversationType) {
    case 'personal':
    case 'groupChat':
    case 'channel':
      kind = conversation.conversationType;
      break;
    default:
      kind = teamId !== undefined || channelId !== undefined ? 'channel' : conversation?.isGroup === true ? 'groupChat' : 'personal';
  }
  return {
    kind,
    ...(kind === 'channel' && teamId !== undefined ? { teamId } : {}),
    ...(kind === 'channel' && channelId !== undefined ? { channelId } : {}),
    ...(tenantId !== undefined ? { tenantId } : {}),
  };
}

/**
 * Whether the channel shows suggested actions (the buttons under a message) for this activity.
 * Teams shows them only in 1:1 chats; in channels and group chats they are dropped silently, so
 * buttons must go on a card there. Other channels (Web Chat, the Emulator) show them.
 */
export function showsSuggestedActions(activity: ConversationSource): boolean {
  return activity.channelId !== TEAMS_CHANNEL_ID || classifyConversation(activity).kind === 'personal';
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
