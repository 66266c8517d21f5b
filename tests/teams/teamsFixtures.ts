import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Activity, ConversationAccount } from 'botbuilder';

/**
 * Activities as Teams sends them, shaped after the payloads in the Teams platform documentation,
 * with made-up ids. Their serviceUrl is a placeholder (`http://127.0.0.1:PORT/teams/`) that a
 * test replaces with the address of the connector it stands up, so a reply can never leave the
 * machine.
 */
export const TEAMS_FIXTURES = [
  'personal-message',
  'channel-message-mention',
  'group-chat-mention',
  'install-personal',
  'installation-update-personal',
  'bot-added-to-team',
  'user-added-to-team',
  'card-imback-personal',
] as const;
export type TeamsFixtureName = (typeof TEAMS_FIXTURES)[number];

export const SERVICE_URL_PLACEHOLDER = 'http://127.0.0.1:PORT/teams/';
/** The bot's id in every fixture: `28:` and the Azure Bot's app id. */
export const FIXTURE_BOT_ID = '28:0b6c2f3e-7d41-4a8e-9c55-2f1e8d9a4b70';

const folder = new URL('../fixtures/teams/', import.meta.url);

/** The raw JSON text of a fixture, placeholder included. */
export function rawTeamsFixture(name: TeamsFixtureName): string {
  return readFileSync(new URL(`${name}.json`, folder), 'utf8');
}

/** A fresh copy of a fixture with its serviceUrl pointed at `serviceUrl`. */
export function teamsFixture(name: TeamsFixtureName, serviceUrl = 'http://127.0.0.1:9/teams/'): Partial<Activity> {
  return JSON.parse(rawTeamsFixture(name).replaceAll(SERVICE_URL_PLACEHOLDER, serviceUrl)) as Partial<Activity>;
}

/** Someone in Teams: the fields of `from` in a Teams activity. */
export interface TeamsPerson {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/**
 * A message `from` writes in a channel thread (a ticket's, in the handoff tests), @mentioning the
 * bot as Teams requires in channels; with `value`, a card button's submit instead (no text).
 */
export function channelThreadActivity(serviceUrl: string, threadId: string, from: TeamsPerson, text: string, value?: unknown): Partial<Activity> {
  const mention = '<at>Sora Bot</at>';
  const fixture = teamsFixture('channel-message-mention', serviceUrl);
  return {
    ...fixture,
    id: randomUUID(),
    from,
    // the fixture's channel conversation (tenant, type), in the thread under the given post
    conversation: { ...(fixture.conversation as ConversationAccount), id: threadId },
    text: value === undefined ? `${mention} ${text}` : undefined,
    value,
    attachments: [],
    entities: value === undefined ? [{ type: 'mention', text: mention, mentioned: { id: FIXTURE_BOT_ID, name: 'Sora Bot' } }] : [],
  };
}
