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
  /** The website chat: the Web Chat page, its Direct Line (local or Azure's) and the embed script. */
  readonly webChat: WebChatConfig;
  /** Where conversation state and the local Direct Line's conversations live (shared by all instances when in Azure Blob Storage). */
  readonly storage: StorageConfig;
  /** The opt-in review log of the learning loop (src/learning): questions the bot struggled with, feedback. */
  readonly eventLog: EventLogConfig;
  readonly rateLimits: RateLimitConfig;
  /** Human handoff: the built-in agent hub (src/handoff). */
  readonly handoff: HandoffConfig;
}

export interface HandoffConfig {
  /** Key agent tools send to the agent API (`Authorization: Bearer <key>`); a secret. Empty: the API is off (404). */
  readonly apiKey: string;
  /** Teams channel id (`19:...@thread.tacv2`) where ticket cards are posted; empty: no Teams hub. */
  readonly supportChannelId: string;
}

export interface StorageConfig {
  /** Azure Storage connection string; a secret. Empty: in-process MemoryStorage (one instance, lost on restart). */
  readonly connectionString: string;
  /** Blob container holding the state; created when missing. */
  readonly container: string;
}

export interface EventLogConfig {
  /** JSON Lines file, absolute; empty: no review log (the default, since it keeps what users wrote). */
  readonly file: string;
  /** Size at which the file is rotated to `<file>.1`. */
  readonly maxBytes: number;
}

/** Requests that cost a bot turn or a new conversation, per minute (also the burst); 0 turns a limit off. */
export interface RateLimitConfig {
  /** Per conversation id, on /api/messages and the local Direct Line: one chatty or scripted conversation. */
  readonly perConversationPerMinute: number;
  /** Per client address, on the same routes and the token endpoint: one machine opening conversations or flooding turns. */
  readonly perClientPerMinute: number;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry instead of the socket. */
  readonly trustProxy: boolean;
}

export interface WebChatConfig {
  /** Secret of the Azure Bot's Direct Line channel. Empty: the bot serves its own local Direct Line. Never sent to a browser. */
  readonly directLineSecret: string;
  /** Base URL of Azure's Direct Line (regional ones differ), no trailing slash. */
  readonly directLineDomain: string;
  /** Origins (scheme://host[:port]) allowed to embed the chat and to call the token and Direct Line endpoints from their pages. */
  readonly allowedOrigins: readonly string[];
  /** Most conversations the local Direct Line keeps in memory at once. */
  readonly maxLocalConversations: number;
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
    webChat: {
      directLineSecret: (env.DIRECT_LINE_SECRET ?? '').trim(),
      directLineDomain: directLineDomain(env.DIRECT_LINE_DOMAIN),
      allowedOrigins: origins(env.ALLOWED_ORIGINS),
      maxLocalConversations: integer(env, 'DIRECT_LINE_MAX_CONVERSATIONS', 500, 1, 100_000),
    },
    storage: storage(env),
    eventLog: {
      file: (env.EVENT_LOG_PATH ?? '').trim() === '' ? '' : path.resolve((env.EVENT_LOG_PATH ?? '').trim()),
      maxBytes: integer(env, 'EVENT_LOG_MAX_BYTES', 10 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    },
    rateLimits: {
      perConversationPerMinute: integer(env, 'RATE_LIMIT_PER_CONVERSATION', 60, 0, 1_000_000),
      perClientPerMinute: integer(env, 'RATE_LIMIT_PER_CLIENT', 1200, 0, 1_000_000),
      trustProxy: boolean(env, 'TRUST_PROXY'),
    },
    handoff: handoff(env),
  };
}

/** The agent API key must be long enough not to be guessed; the channel id must look like a Teams channel's. */
function handoff(env: Environment): HandoffConfig {
  const apiKey = (env.HANDOFF_API_KEY ?? '').trim();
  if (apiKey !== '' && apiKey.length < MIN_API_KEY_LENGTH) {
    throw new ConfigError(`HANDOFF_API_KEY must be at least ${MIN_API_KEY_LENGTH} characters (e.g. openssl rand -hex 32), or empty to turn the agent API off`);
  }
  const supportChannelId = (env.SUPPORT_CHANNEL_ID ?? '').trim();
  if (supportChannelId !== '' && !/^19:[^;\s]+@thread\.(tacv2|skype)$/.test(supportChannelId)) {
    throw new ConfigError(`SUPPORT_CHANNEL_ID must be a Teams channel id like 19:abc...@thread.tacv2, not "${supportChannelId}"`);
  }
  return { apiKey, supportChannelId };
}

const MIN_API_KEY_LENGTH = 24;

/**
 * Blob Storage settings. The connection string is checked for its shape only (never echoed: it
 * holds the account key); the container name follows Azure's rules, so a typo fails here and not
 * on the first customer's message.
 */
function storage(env: Environment): StorageConfig {
  const connectionString = (env.STORAGE_CONNECTION_STRING ?? '').trim();
  if (connectionString !== '' && !/(^|;)\s*(AccountName|BlobEndpoint|UseDevelopmentStorage)\s*=/i.test(connectionString)) {
    throw new ConfigError('STORAGE_CONNECTION_STRING must be an Azure Storage connection string (AccountName=...;AccountKey=...; or BlobEndpoint=...)');
  }
  const container = (env.STORAGE_CONTAINER ?? '').trim() || 'bot-state';
  if (!/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/.test(container)) {
    throw new ConfigError(`STORAGE_CONTAINER must be 3-63 lowercase letters, digits and single hyphens, not "${container}"`);
  }
  return { connectionString, container };
}

function boolean(env: Environment, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false, not "${raw}"`);
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

const DEFAULT_DIRECT_LINE_DOMAIN = 'https://directline.botframework.com/v3/directline';

/** An https URL without query or trailing slash: the token exchange and the page append paths to it. */
function directLineDomain(raw: string | undefined): string {
  const value = (raw ?? '').trim().replace(/\/+$/, '');
  if (value === '') return DEFAULT_DIRECT_LINE_DOMAIN;
  if (!URL.canParse(value) || new URL(value).protocol !== 'https:' || new URL(value).search !== '') {
    throw new ConfigError(`DIRECT_LINE_DOMAIN must be an https:// URL such as ${DEFAULT_DIRECT_LINE_DOMAIN}, not "${value}"`);
  }
  return value;
}

/**
 * Comma-separated origins, each exactly scheme://host[:port] as browsers send it in Origin
 * (no path, no wildcard: they end up in CORS headers and the frame-ancestors CSP).
 */
function origins(raw: string | undefined): readonly string[] {
  const list = (raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const item of list) {
    const parsed = URL.canParse(item) ? new URL(item) : undefined;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== item.replace(/\/$/, '').toLowerCase()) {
      throw new ConfigError(`ALLOWED_ORIGINS must list origins like https://www.example.com (scheme, host, optional port; no path or *), not "${item}"`);
    }
  }
  return Object.freeze([...new Set(list.map((item) => new URL(item).origin))]);
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

/**
 * Settings of `npm run teams:package` only (the running bot never needs them). Separate from
 * loadConfig so packaging needs no secret: the package holds ids and URLs, never a password.
 */
export interface TeamsConfig {
  /** The Teams app's own id (TEAMS_APP_ID); keep it fixed so an upload updates the app instead of adding another. */
  readonly appId: string;
  /** Semver; Teams wants it raised for every new upload of the same app id. */
  readonly appVersion: string;
  /** The Azure Bot's MicrosoftAppId: the bot Teams talks to. */
  readonly botId: string;
  /** Public host name of the bot, e.g. sora-bot.azurewebsites.net: validDomains and default URLs. */
  readonly publicHost: string;
  readonly appName: string;
  readonly developer: { readonly name: string; readonly websiteUrl: string; readonly privacyUrl: string; readonly termsOfUseUrl: string };
}

/** The identity of this app in Teams when TEAMS_APP_ID is not set (generated once, never change it). */
export const DEFAULT_TEAMS_APP_ID = '5cc0ccd3-4b9b-48ab-a0b8-af2525897379';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// at least one dot and no IP address: Teams cannot reach localhost or a bare machine name
const PUBLIC_HOST = /^(?=.{4,253}$)(?!\d+\.\d+\.\d+\.\d+$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?$/;

export function loadTeamsConfig(env: Environment = process.env): TeamsConfig {
  const botId = (env.MicrosoftAppId ?? '').trim();
  if (!GUID.test(botId)) {
    throw new ConfigError(`MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID) to build the Teams package, ${got(botId)}`);
  }
  const appId = text(env, 'TEAMS_APP_ID', DEFAULT_TEAMS_APP_ID, 36);
  if (!GUID.test(appId)) throw new ConfigError(`TEAMS_APP_ID must be a GUID, not "${appId}"`);
  const publicHost = (env.BOT_PUBLIC_HOST ?? '').trim().toLowerCase();
  if (!PUBLIC_HOST.test(publicHost)) {
    throw new ConfigError(
      `BOT_PUBLIC_HOST must be the bot's public host name, e.g. sora-bot.azurewebsites.net (no https://, port or path; not localhost or an IP address), ${got(publicHost)}`,
    );
  }
  const appVersion = text(env, 'TEAMS_APP_VERSION', '1.0.0', 32);
  if (!/^\d+\.\d+\.\d+$/.test(appVersion)) throw new ConfigError(`TEAMS_APP_VERSION must look like 1.0.0, not "${appVersion}"`);
  const websiteUrl = httpsUrl(env, 'TEAMS_DEVELOPER_URL', `https://${publicHost}/`);
  return {
    appId,
    appVersion,
    botId,
    publicHost,
    appName: text(env, 'TEAMS_APP_NAME', "Sora's Closure", 30),
    developer: {
      name: text(env, 'TEAMS_DEVELOPER_NAME', "Sora's Closure bot team", 32),
      websiteUrl,
      privacyUrl: httpsUrl(env, 'TEAMS_PRIVACY_URL', websiteUrl),
      termsOfUseUrl: httpsUrl(env, 'TEAMS_TERMS_URL', websiteUrl),
    },
  };
}

function got(value: string): string {
  return value === '' ? 'but it is not set' : `not "${value}"`;
}

function text(env: Environment, name: string, fallback: string, maxLength: number): string {
  const value = (env[name] ?? '').trim() || fallback;
  if (value.length > maxLength) throw new ConfigError(`${name} must be at most ${maxLength} characters, not "${value}"`);
  return value;
}

function httpsUrl(env: Environment, name: string, fallback: string): string {
  const value = (env[name] ?? '').trim() || fallback;
  if (!URL.canParse(value) || new URL(value).protocol !== 'https:') throw new ConfigError(`${name} must be an https:// URL, not "${value}"`);
  return value;
}
