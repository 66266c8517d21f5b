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
