import type { Storage } from 'botbuilder';
import { hashToken, randomToken, sameSecret } from './tokens.js';

const keyOf = (hash: string): string => `directline/connector-keys/${hash}`;

/**
 * The secret part of the serviceUrl the local Direct Line gives the bot, so only the bot's own
 * connector client can post into a conversation; the browser never sees it. Each process makes
 * its own and records its hash in the shared Storage before the first turn, so that every
 * instance accepts every instance's key: a conversation reference saved on one instance can then
 * send proactive messages from another (the serviceUrl is a loopback URL, so this needs the
 * instances to listen on the same port, as containers behind a load balancer do).
 */
export class ConnectorKeys {
  /** This process's key. */
  readonly own = randomToken();
  private recorded: Promise<void> | undefined;

  constructor(private readonly storage: Storage) {}

  /** Records this process's key once (again after a failure); call before handing out a serviceUrl. */
  record(): Promise<void> {
    this.recorded ??= this.storage.write({ [keyOf(hashToken(this.own))]: { recordedAt: new Date().toISOString(), eTag: '*' } }).catch((error: unknown) => {
      this.recorded = undefined;
      throw error;
    });
    return this.recorded;
  }

  /** Whether `key` is this process's key (compared in constant time) or one another instance recorded. */
  async accepts(key: string): Promise<boolean> {
    if (sameSecret(key, this.own)) return true;
    if (key === '') return false;
    const hash = keyOf(hashToken(key));
    return (await this.storage.read([hash]))[hash] !== undefined;
  }
}
