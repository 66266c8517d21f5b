import type { Activity } from 'botbuilder';

/** The parts of an incoming activity the welcome decision reads. */
export type WelcomeSource = Pick<Partial<Activity>, 'type' | 'recipient' | 'membersAdded'>;

/**
 * Whether a Teams conversationUpdate should get the welcome message: only when the bot itself was
 * added, i.e. the app was installed in a 1:1 chat, a group chat or a team. Then the bot greets once,
 * in that chat or the team's channel. When someone else joins a team or group chat where the bot
 * already is, it stays quiet: a greeting per new colleague would spam the channel.
 *
 * Teams also sends an installationUpdate (action "add") for the same install; greeting on that
 * too would greet twice, so only this event greets. Web Chat and the Emulator add the user, not
 * the bot, and keep their own rule (greet when a user joins).
 */
export function shouldWelcomeInTeams(activity: WelcomeSource): boolean {
  const botId = activity.recipient?.id;
  if (activity.type !== 'conversationUpdate' || typeof botId !== 'string' || botId === '') return false;
  const added = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
  return added.some((member) => typeof member?.id === 'string' && member.id.toLowerCase() === botId.toLowerCase());
}
