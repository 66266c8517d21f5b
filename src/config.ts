import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The only reader of process.env. Settings are validated here, once, so a typo in a deployment
 * stops start-up with a clear message instead of failing on the first customer's message.
 * Every setting is documented in .env.example.
 */
export interface Config {
  readonly port: number;
  /** Where knowledge/ lives; absolute. */
  readonly knowledgeDir: string;
  /** Largest request body accepted on /api/messages, in bytes. */
  readonly maxBodyBytes: number;
  readonly logLevel: LogLevel;
  /** Passed as-is to ConfigurationBotFrameworkAuthentication; auth is off while MicrosoftAppId is empty. */
  readonly botAuth: {
    readonly MicrosoftAppId: string;
    readonly MicrosoftAppPassword: string;
    readonly MicrosoftAppType: string;
    readonly MicrosoftAppTenantId: string;
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Environment = process.env): Config {
  const appId = (env.MicrosoftAppId ?? '').trim();
  const appType = (env.MicrosoftAppType ?? '').trim();
  if (appType !== '' && !['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "${appType}"`);
  }
  if (appId === '' && appType !== '' && appType !== 'MultiTenant') {
    // botbuilder throws an obscure error at construction for this combination
    throw new ConfigError(`MicrosoftAppType ${appType} needs MicrosoftAppId; leave both empty to run without authentication`);
  }
  if (appId !== '' && appType !== 'UserAssignedMSI' && (env.MicrosoftAppPassword ?? '') === '') {
    throw new ConfigError('MicrosoftAppId is set but MicrosoftAppPassword is empty');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').trim().toLowerCase();
  if (!isLogLevel(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  return {
    logLevel,
    port: integer(env, 'PORT', 3978, 0, 65535),
    knowledgeDir: path.resolve(env.KNOWLEDGE_DIR ?? path.join(projectRoot(), 'knowledge')),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    botAuth: {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: (env.MicrosoftAppTenantId ?? '').trim(),
    },
  };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function integer(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** The folder holding package.json, found from this file whether it runs from src/ or dist/src/. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new ConfigError('cannot find the project folder (no package.json above this file)');
    dir = parent;
  }
  return dir;
}
