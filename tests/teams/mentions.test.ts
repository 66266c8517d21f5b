import { TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../src/teams/htmlEntities.js';
import { stripBotMention, type MentionSource } from '../../src/teams/mentions.js';
import { FIXTURE_BOT_ID, teamsFixture } from './teamsFixtures.js';

const BOT = { id: FIXTURE_BOT_ID, name: 'Sora Bot' };
const BEN = { id: '29:1Rt5Vw8Yz2Bc4Df6', name: 'Ben Okafor' };

function mention(account: { id: string; name: string }, text = `<at>${account.name}</at>`): Record<string, unknown> {
  return { type: 'mention', mentioned: account, text };
}

function message(text: string, entities: unknown[] = [mention(BOT)]): MentionSource {
  return { text, entities, recipient: BOT } as MentionSource;
}

describe('stripBotMention on what Teams sends', () => {
  it('leaves only the question of a channel post that @mentions the bot', () => {
    expect(stripBotMention(teamsFixture('channel-message-mention'))).toBe('why did Disney end the deal?');
  });

  it('removes the bot from a group chat message but keeps a colleague\'s name as a plain name', () => {
    expect(stripBotMention(teamsFixture('group-chat-mention'))).toBe('what does the article say about Seedance? cc Ben Okafor');
  });

  it('leaves a 1:1 message, which has no mention, as it is', () => {
    expect(stripBotMention(teamsFixture('personal-message'))).toBe('Why did OpenAI shut down Sora?');
  });

  it('reads the text a card button posted back like a typed message', () => {
    expect(stripBotMention(teamsFixture('card-imback-personal'))).toBe('What did Disney say about the deal?');
  });
});

describe('stripBotMention where botbuilder\'s removeRecipientMention falls short', () => {
  it('copes with a missing recipient, where botbuilder throws: the leading mention is taken to be the bot', () => {
    const activity: MentionSource = { text: '<at>Sora Bot</at> why did Disney end the deal?', entities: [mention(BOT)] as Activity['entities'] };
    expect(() => TurnContext.removeRecipientMention(activity as Partial<Activity>)).toThrow();
    expect(stripBotMention(activity)).toBe('why did Disney end the deal?');
  });

  it('with no recipient, keeps a mention that is not at the start as a plain name', () => {
    const activity: MentionSource = { text: '<at>Sora Bot</at> what did <at>Ana</at> say', entities: [] };
    expect(stripBotMention(activity)).toBe('what did Ana say');
  });

  it('removes every mention of the bot, where botbuilder removes only the first', () => {
    const activity = message('<at>Sora Bot</at> how much did Sora make? <at>Sora Bot</at>', [mention(BOT), mention(BOT)]);
    expect(TurnContext.removeRecipientMention(activity as Partial<Activity>)).toContain('Sora Bot');
    expect(stripBotMention(activity)).toBe('how much did Sora make?');
  });

  it('removes nothing by accident when the bot\'s mention entity is not in the text', () => {
    expect(stripBotMention(message('ask <at>Ben Okafor</at> about Sora', [mention(BOT), mention(BEN)]))).toBe('ask Ben Okafor about Sora');
    expect(stripBotMention(message('Sora Bot is a good name', [mention(BOT)]))).toBe('Sora Bot is a good name');
  });

  it('removes a mention the user shortened to part of the bot\'s name', () => {
    expect(stripBotMention(message('<at>Sora</at> who is Husson?', [mention(BOT, '<at>Sora</at>')]))).toBe('who is Husson?');
  });

  it('matches the bot\'s name whether or not Teams escaped an ampersand in it, and its id in any case', () => {
    const qa = { id: FIXTURE_BOT_ID.toUpperCase(), name: 'Q&A Bot' };
    const activity = message('<at>Q&amp;A Bot</at> what is Copilot?', [mention(qa, '<at>Q&A Bot</at>')]);
    expect(stripBotMention(activity)).toBe('what is Copilot?');
  });

  it('keeps another person\'s mention even when it carries attributes', () => {
    expect(stripBotMention(message('<at>Sora Bot</at> ping <at id="1">Ben Okafor</at>', [mention(BOT), mention(BEN)]))).toBe('ping Ben Okafor');
  });
});

describe('stripBotMention on the text around the mention', () => {
  it('decodes &nbsp; and other entities Teams leaves in the text, and collapses the spacing', () => {
    expect(stripBotMention(message('<at>Sora Bot</at>&nbsp;what did Sora earn &amp; spend?\u00a0 \n'))).toBe('what did Sora earn & spend?');
  });

  it('does not treat a typed "&lt;at&gt;" as a mention: decoding comes after the tags', () => {
    expect(stripBotMention(message('&lt;at&gt;Sora Bot&lt;/at&gt; is what I typed'))).toBe('<at>Sora Bot</at> is what I typed');
  });

  it('survives missing text and malformed entities from the wire', () => {
    expect(stripBotMention({ recipient: BOT })).toBe('');
    const junk = [null, 'mention', { type: 'mention' }, { type: 'mention', mentioned: 'Sora Bot' }, { type: 'mention', mentioned: { id: 7 } }];
    expect(stripBotMention(message('<at>Sora Bot</at> hi', junk))).toBe('Sora Bot hi');
    expect(stripBotMention({ text: '<at>Sora Bot</at> hi', entities: 'no', recipient: BOT } as unknown as MentionSource)).toBe('Sora Bot hi');
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes the named and numeric references Teams uses and leaves anything else as written', () => {
    expect(decodeHtmlEntities('It&#39;s &quot;over&quot; &#x2014; &lt;b&gt;')).toBe('It\'s "over" \u2014 <b>');
    expect(decodeHtmlEntities('&#160;&#xA0;&nbsp;')).toBe('   ');
    expect(decodeHtmlEntities('&copy; &#0; &#x110000; & alone')).toBe('&copy; &#0; &#x110000; & alone');
  });
});
