import { describe, expect, it } from 'vitest';
import { classifyConversation, showsSuggestedActions, type ConversationSource } from '../../src/teams/conversationKind.js';
import { teamsFixture } from './teamsFixtures.js';

const TENANT = '5d2f8a91-3c47-4e0b-9a6d-2b8e1f7c4a30';
const TEAM = '19:Xq3kW8pZ2rT5vN7mB1cD4fG6hJ9lK0sA@thread.tacv2';
const CHANNEL = '19:7c41e0d2a9b84f6e8d3c1b5a2f9e0d47@thread.tacv2';

describe('classifyConversation on what Teams sends', () => {
  it('knows a 1:1 chat and its tenant', () => {
    expect(classifyConversation(teamsFixture('personal-message'))).toEqual({ kind: 'personal', tenantId: TENANT });
  });

  it('knows a channel post with its team, channel and tenant', () => {
    expect(classifyConversation(teamsFixture('channel-message-mention'))).toEqual({ kind: 'channel', teamId: TEAM, channelId: CHANNEL, tenantId: TENANT });
  });

  it('knows a group chat, which has no team or channel', () => {
    expect(classifyConversation(teamsFixture('group-chat-mention'))).toEqual({ kind: 'groupChat', tenantId: TENANT });
  });

  it('knows the team an install happened in, even without a channel in channelData', () => {
    expect(classifyConversation(teamsFixture('bot-added-to-team'))).toEqual({ kind: 'channel', teamId: TEAM, tenantId: TENANT });
  });
});

describe('classifyConversation without conversationType', () => {
  const bare = (extra: Record<string, unknown>): ConversationSource => ({ channelId: 'msteams', conversation: { id: 'c-1', ...extra } }) as ConversationSource;

  it('takes a team in channelData for a channel', () => {
    expect(classifyConversation({ ...bare({ isGroup: true }), channelData: { team: { id: TEAM } } }).kind).toBe('channel');
  });

  it('takes isGroup without a team for a group chat, and anything else for a 1:1 chat', () => {
    expect(classifyConversation(bare({ isGroup: true })).kind).toBe('groupChat');
    expect(classifyConversation(bare({})).kind).toBe('personal');
    expect(classifyConversation(bare({ conversationType: 'somethingNew' })).kind).toBe('personal');
  });

  it('takes the tenant from the conversation when channelData has none, and ignores malformed channelData', () => {
    expect(classifyConversation({ ...bare({ tenantId: TENANT }), channelData: 'junk' })).toEqual({ kind: 'personal', tenantId: TENANT });
    expect(classifyConversation({ channelId: 'msteams', channelData: { team: 42, tenant: { id: '' } } })).toEqual({ kind: 'personal' });
  });
});

describe('showsSuggestedActions', () => {
  it('is true in a Teams 1:1 chat only', () => {
    expect(showsSuggestedActions(teamsFixture('personal-message'))).toBe(true);
    expect(showsSuggestedActions(teamsFixture('channel-message-mention'))).toBe(false);
    expect(showsSuggestedActions(teamsFixture('group-chat-mention'))).toBe(false);
  });

  it('is true on the channels that always show them (Web Chat, the Emulator), whatever the conversation', () => {
    expect(showsSuggestedActions({ channelId: 'webchat', conversation: { id: 'w-1', isGroup: true } } as ConversationSource)).toBe(true);
    expect(showsSuggestedActions({ channelId: 'emulator', conversation: { id: 'e-1', conversationType: 'channel' } } as ConversationSource)).toBe(true);
  });
});
