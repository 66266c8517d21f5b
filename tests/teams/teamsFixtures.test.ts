import { describe, expect, it } from 'vitest';
import { validateActivity } from '../../src/http/validateActivity.js';
import { FIXTURE_BOT_ID, rawTeamsFixture, SERVICE_URL_PLACEHOLDER, TEAMS_FIXTURES, teamsFixture } from './teamsFixtures.js';

describe('the recorded Teams activities', () => {
  it.each(TEAMS_FIXTURES)('%s comes from Teams, to the bot, through the placeholder connector', (name) => {
    const raw = rawTeamsFixture(name);
    expect(raw).toContain(`"serviceUrl": "${SERVICE_URL_PLACEHOLDER}"`);
    const activity = teamsFixture(name, 'http://127.0.0.1:4321/teams/');
    expect(activity.channelId).toBe('msteams');
    expect(activity.serviceUrl).toBe('http://127.0.0.1:4321/teams/');
    expect(activity.recipient?.id).toBe(FIXTURE_BOT_ID);
  });

  it.each(TEAMS_FIXTURES)('%s passes the HTTP endpoint\'s activity check once its serviceUrl is set', (name) => {
    expect(() => validateActivity(teamsFixture(name))).not.toThrow();
  });

  it('is refused by the endpoint while the placeholder is still in it, so no test can forget to set it', () => {
    expect(() => validateActivity(JSON.parse(rawTeamsFixture('personal-message')))).toThrow(/serviceUrl/);
  });

  it('puts a channel post in its own thread: the conversation id names the root message', () => {
    const activity = teamsFixture('channel-message-mention');
    expect(activity.conversation?.id).toMatch(/^19:[0-9a-f]+@thread\.tacv2;messageid=\d+$/);
    expect(activity.conversation?.id.endsWith(`;messageid=${activity.id ?? ''}`)).toBe(true);
  });
});
