import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from '../src/config.js';

describe('configuration', () => {
  it('runs with no settings: port 3978, auth off, the shipped knowledge', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.botAuth.MicrosoftAppId).toBe('');
    expect(config.knowledgeDir).toBe(path.join(projectRoot(), 'knowledge'));
    expect(config.logLevel).toBe('info');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, not "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"'],
    [{ MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppType SingleTenant needs MicrosoftAppId; leave both empty to run without authentication'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppId is set but MicrosoftAppPassword is empty'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES must be a whole number from 1024 to 16777216, not "10"'],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});

describe('website chat settings', () => {
  it('defaults to the local Direct Line, Azure\'s public domain and no other website', () => {
    expect(loadConfig({}).webChat).toEqual({
      directLineSecret: '',
      directLineDomain: 'https://directline.botframework.com/v3/directline',
      allowedOrigins: [],
      maxLocalConversations: 500,
    });
  });

  it('reads origins as browsers send them: lower case, no trailing slash, no duplicates', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: ' https://www.example.com/ , http://localhost:8080,https://www.example.com ' });
    expect(config.webChat.allowedOrigins).toEqual(['https://www.example.com', 'http://localhost:8080']);
  });

  it('drops the trailing slash of a regional Direct Line domain', () => {
    const domain = 'https://europe.directline.botframework.com/v3/directline';
    expect(loadConfig({ DIRECT_LINE_DOMAIN: `${domain}/` }).webChat.directLineDomain).toBe(domain);
  });

  it.each([
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS must list origins like https:\/\/www.example.com/],
    [{ ALLOWED_ORIGINS: 'https://www.example.com/shop' }, /no path or \*\), not "https:\/\/www.example.com\/shop"/],
    [{ ALLOWED_ORIGINS: 'ftp://files.example.com' }, /ALLOWED_ORIGINS/],
    [{ DIRECT_LINE_DOMAIN: 'http://directline.botframework.com/v3/directline' }, /DIRECT_LINE_DOMAIN must be an https:\/\/ URL/],
    [{ DIRECT_LINE_MAX_CONVERSATIONS: '0' }, /DIRECT_LINE_MAX_CONVERSATIONS must be a whole number from 1 to 100000/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('storage settings', () => {
  it('defaults to memory (no connection string) and the container bot-state', () => {
    expect(loadConfig({}).storage).toEqual({ connectionString: '', container: 'bot-state' });
  });

  it('takes a connection string and a container name', () => {
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=sorabot;AccountKey=a2V5;EndpointSuffix=core.windows.net';
    expect(loadConfig({ STORAGE_CONNECTION_STRING: connectionString, STORAGE_CONTAINER: 'sora-state' }).storage).toEqual({ connectionString, container: 'sora-state' });
  });

  it.each([
    [{ STORAGE_CONNECTION_STRING: 'https://sorabot.blob.core.windows.net' }, /STORAGE_CONNECTION_STRING must be an Azure Storage connection string/],
    [{ STORAGE_CONTAINER: 'Bot_State' }, /STORAGE_CONTAINER must be 3-63 lowercase letters, digits and single hyphens, not "Bot_State"/],
    [{ STORAGE_CONTAINER: 'ab' }, /STORAGE_CONTAINER/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats the connection string in an error: it holds the account key', () => {
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: 'AccountKey=c2VjcmV0' })).toThrow(/^(?!.*c2VjcmV0)/s);
  });
});

describe('rate limit settings', () => {
  it('default to limits no person meets: 60 turns a minute per conversation, 1200 requests per client, no proxy trusted', () => {
    expect(loadConfig({}).rateLimits).toEqual({ perConversationPerMinute: 60, perClientPerMinute: 1200, trustProxy: false });
  });

  it('read 0 as off, and TRUST_PROXY as true or false', () => {
    expect(loadConfig({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_CLIENT: '0', TRUST_PROXY: 'true' }).rateLimits).toEqual({ perConversationPerMinute: 0, perClientPerMinute: 0, trustProxy: true });
  });

  it.each([
    [{ RATE_LIMIT_PER_CLIENT: '-1' }, /RATE_LIMIT_PER_CLIENT must be a whole number from 0 to 1000000/],
    [{ RATE_LIMIT_PER_CONVERSATION: 'lots' }, /RATE_LIMIT_PER_CONVERSATION must be a whole number/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be true or false/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('handoff settings', () => {
  it('default to no agent API and no Teams support channel', () => {
    expect(loadConfig({}).handoff).toEqual({ apiKey: '', supportChannelId: '' });
  });

  it('take a long enough API key and a Teams channel id', () => {
    const key = 'k'.repeat(32);
    expect(loadConfig({ HANDOFF_API_KEY: key, SUPPORT_CHANNEL_ID: ' 19:abc123@thread.tacv2 ' }).handoff).toEqual({ apiKey: key, supportChannelId: '19:abc123@thread.tacv2' });
  });

  it('refuse a short API key without repeating it, and a channel id that is not a Teams channel', () => {
    expect(() => loadConfig({ HANDOFF_API_KEY: 'secret123' })).toThrow(/HANDOFF_API_KEY must be at least 24 characters/);
    expect(() => loadConfig({ HANDOFF_API_KEY: 'secret123' })).not.toThrow(/secret123/);
    expect(() => loadConfig({ SUPPORT_CHANNEL_ID: 'general' })).toThrow(/SUPPORT_CHANNEL_ID must be a Teams channel id/);
    expect(() => loadConfig({ SUPPORT_CHANNEL_ID: '19:abc@thread.tacv2;messageid=1' })).toThrow(/SUPPORT_CHANNEL_ID/);
  });
});
