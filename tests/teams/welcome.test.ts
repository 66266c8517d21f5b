import { describe, expect, it } from 'vitest';
import { shouldWelcomeInTeams, type WelcomeSource } from '../../src/teams/welcome.js';
import { FIXTURE_BOT_ID, teamsFixture } from './teamsFixtures.js';

describe('shouldWelcomeInTeams', () => {
  it('greets when the app is installed in a 1:1 chat (the bot is among the members added)', () => {
    expect(shouldWelcomeInTeams(teamsFixture('install-personal'))).toBe(true);
  });

  it('greets once when the bot is added to a team', () => {
    expect(shouldWelcomeInTeams(teamsFixture('bot-added-to-team'))).toBe(true);
  });

  it('stays quiet when someone else joins a team the bot is in', () => {
    expect(shouldWelcomeInTeams(teamsFixture('user-added-to-team'))).toBe(false);
  });

  it('does not greet on the installationUpdate Teams sends for the same install, so the user is greeted once', () => {
    expect(shouldWelcomeInTeams(teamsFixture('installation-update-personal'))).toBe(false);
  });

  it('does not greet on messages, and copes with a missing recipient or member list', () => {
    expect(shouldWelcomeInTeams(teamsFixture('personal-message'))).toBe(false);
    expect(shouldWelcomeInTeams({ type: 'conversationUpdate', membersAdded: [{ id: FIXTURE_BOT_ID, name: '' }] })).toBe(false);
    expect(shouldWelcomeInTeams({ type: 'conversationUpdate', recipient: { id: FIXTURE_BOT_ID, name: '' } })).toBe(false);
    expect(shouldWelcomeInTeams({ type: 'conversationUpdate', recipient: { id: FIXTURE_BOT_ID, name: '' }, membersAdded: [null, { id: 3 }] } as unknown as WelcomeSource)).toBe(false);
  });

  it('recognises the bot whatever the case of its app id', () => {
    const activity = teamsFixture('bot-added-to-team');
    expect(shouldWelcomeInTeams({ ...activity, membersAdded: [{ id: FIXTURE_BOT_ID.toUpperCase(), name: '' }] })).toBe(true);
  });
});
