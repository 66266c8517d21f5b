import type { AddressInfo } from 'node:net';
import type { ActivityHandler, CloudAdapter, Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../config.js';
import { LocalDirectLine } from '../directline/LocalDirectLine.js';
import { registerConnectorRoutes } from '../directline/registerConnectorRoutes.js';
import { registerDirectLineRoutes } from '../directline/registerDirectLineRoutes.js';
import type { Logger } from '../logger.js';
import { AzureTokenSource } from './AzureTokenSource.js';
import { LocalTokenSource } from './LocalTokenSource.js';
import { OriginPolicy } from './OriginPolicy.js';
import { registerEmbedScript } from './registerEmbedScript.js';
import { registerWebChatPage } from './registerWebChatPage.js';
import { registerTokenRoute } from './tokenRoute.js';
import type { TokenSource } from './TokenSource.js';
import { UnavailableTokenSource } from './UnavailableTokenSource.js';
import { WebChatBundle } from './webChatBundle.js';

export interface WebChatDeps {
  readonly config: Pick<Config, 'botAuth' | 'webChat'>;
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly log: Logger;
  /** Where the local Direct Line keeps its conversations (the bot's one Storage). */
  readonly storage: Storage;
}

/**
 * The website chat: the Web Chat page (/, /chat), its bundle, the embed script, the token endpoint
 * and, for the local setup, the in-process Direct Line.
 *
 * Which Direct Line the page uses:
 * - DIRECT_LINE_SECRET set: Azure's (production). The token endpoint exchanges the secret.
 * - no secret, authentication off (no MicrosoftAppId): the local one, served here; no Azure account.
 * - no secret, authentication on: none. The local Direct Line would have to fetch Azure AD tokens
 *   for every reply the bot sends to itself and could not pass the adapter's JWT check, so the
 *   page says the chat is unavailable and the log says to set DIRECT_LINE_SECRET.
 */
export function registerWebChat(server: Server, { config, adapter, bot, log, storage }: WebChatDeps): void {
  const origins = new OriginPolicy(config.webChat.allowedOrigins);
  let tokens: TokenSource;
  if (config.webChat.directLineSecret !== '') {
    tokens = new AzureTokenSource(config.webChat.directLineSecret, config.webChat.directLineDomain);
  } else if (config.botAuth.MicrosoftAppId === '') {
    const directLine = new LocalDirectLine({
      adapter,
      bot,
      log,
      storage,
      maxConversations: config.webChat.maxLocalConversations,
      selfUrl: () => loopbackUrl(server),
    });
    registerDirectLineRoutes(server, directLine, origins, log);
    registerConnectorRoutes(server, directLine, log);
    tokens = new LocalTokenSource(directLine, log);
  } else {
    const reason = 'the website chat needs DIRECT_LINE_SECRET when MicrosoftAppId is set';
    log.warn(reason);
    tokens = new UnavailableTokenSource(reason);
  }
  log.info({ directLine: tokens.kind, allowedOrigins: origins.allowedOrigins }, 'website chat');

  const bundle = new WebChatBundle(log);
  bundle.register(server);
  registerTokenRoute(server, tokens, origins, log);
  registerWebChatPage(server, { bundleUrl: bundle.url, connectSources: tokens.connectSources, frameAncestors: origins.allowedOrigins });
  registerEmbedScript(server, origins);
}

/**
 * How the bot's connector client reaches this server: over loopback, whatever address the server
 * listens on, so replies never leave the machine or pass a proxy.
 */
function loopbackUrl(server: Server): string {
  const address = server.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
