import type { Storage } from 'botbuilder';
import { STORAGE_OPTIONS } from './options.js';
import { withTimeout } from './withTimeout.js';

/**
 * Whether storage answers a read within timeoutMs: what /readyz needs to know before a load
 * balancer sends users here. Never throws; the reason is for the log, not the probe's caller.
 */
export async function probeStorage(storage: Storage, timeoutMs: number = STORAGE_OPTIONS.probeTimeoutMs): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await withTimeout(storage.read([STORAGE_OPTIONS.probeKey]), timeoutMs);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}
