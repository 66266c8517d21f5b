import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_TEAMS_APP_ID, loadTeamsConfig } from '../../src/config.js';

const BOT_ID = '0b6c2f3e-7d41-4a8e-9c55-2f1e8d9a4b70';
const minimal = { MicrosoftAppId: BOT_ID, BOT_PUBLIC_HOST: 'sora-bot.azurewebsites.net' };

describe('Teams package settings', () => {
  it('needs only the bot id and the public host; the rest has defaults', () => {
    expect(loadTeamsConfig(minimal)).toEqual({
      appId: DEFAULT_TEAMS_APP_ID,
      appVersion: '1.0.0',
      botId: BOT_ID,
      publicHost: 'sora-bot.azurewebsites.net',
      appName: "Sora's Closure",
      developer: {
        name: "Sora's Closure bot team",
        websiteUrl: 'https://sora-bot.azurewebsites.net/',
        privacyUrl: 'https://sora-bot.azurewebsites.net/',
        termsOfUseUrl: 'https://sora-bot.azurewebsites.net/',
      },
    });
  });

  it('takes every setting from the environment', () => {
    const config = loadTeamsConfig({
      ...minimal,
      TEAMS_APP_ID: 'A1B2C3D4-0000-4000-8000-000000000001',
      TEAMS_APP_VERSION: '1.2.3',
      TEAMS_APP_NAME: 'Sora Bot (test)',
      TEAMS_DEVELOPER_NAME: 'Contoso',
      TEAMS_DEVELOPER_URL: 'https://contoso.example/',
      TEAMS_PRIVACY_URL: 'https://contoso.example/privacy',
      TEAMS_TERMS_URL: 'https://contoso.example/terms',
    });
    expect(config).toMatchObject({
      appId: 'A1B2C3D4-0000-4000-8000-000000000001',
      appVersion: '1.2.3',
      appName: 'Sora Bot (test)',
      developer: {
        name: 'Contoso',
        websiteUrl: 'https://contoso.example/',
        privacyUrl: 'https://contoso.example/privacy',
        termsOfUseUrl: 'https://contoso.example/terms',
      },
    });
  });

  it.each([
    [{ MicrosoftAppId: 'my-bot' }, `MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID) to build the Teams package, not "my-bot"`],
    [{ MicrosoftAppId: '' }, `MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID) to build the Teams package, but it is not set`],
    [{ TEAMS_APP_ID: '1234' }, 'TEAMS_APP_ID must be a GUID, not "1234"'],
    [{ TEAMS_APP_VERSION: 'v2' }, 'TEAMS_APP_VERSION must look like 1.0.0, not "v2"'],
    [{ TEAMS_APP_NAME: 'A name far too long for the Teams app bar' }, 'TEAMS_APP_NAME must be at most 30 characters, not "A name far too long for the Teams app bar"'],
    [{ TEAMS_PRIVACY_URL: 'http://contoso.example/privacy' }, 'TEAMS_PRIVACY_URL must be an https:// URL, not "http://contoso.example/privacy"'],
  ])('refuses %j with a message naming the setting', (bad, message) => {
    expect(() => loadTeamsConfig({ ...minimal, ...bad })).toThrow(new ConfigError(message));
  });

  it.each(['', 'localhost', '127.0.0.1', 'https://sora-bot.azurewebsites.net', 'sora-bot.azurewebsites.net:443', 'sora-bot.azurewebsites.net/api'])(
    'refuses BOT_PUBLIC_HOST %j: Teams needs a public host name',
    (host) => {
      expect(() => loadTeamsConfig({ ...minimal, BOT_PUBLIC_HOST: host })).toThrow(/^BOT_PUBLIC_HOST must be the bot's public host name, e.g. sora-bot.azurewebsites.net/);
    },
  );

  it('accepts a tunnel host name for trying the bot from a laptop', () => {
    expect(loadTeamsConfig({ ...minimal, BOT_PUBLIC_HOST: ' Abc123-3978.euw.devtunnels.ms ' }).publicHost).toBe('abc123-3978.euw.devtunnels.ms');
  });
});
