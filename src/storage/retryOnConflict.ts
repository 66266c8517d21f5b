import { setTimeout as sleep } from 'node:timers/promises';
import { isETagConflict, StorageUnavailable } from './StorageUnavailable.js';

/**
 * Runs a read-modify-write that writes with the record's eTag, again from the start whenever
 * another writer got there first (an eTag conflict), pausing `pauseMs(attempt)` between tries.
 * Any other error is the caller's; a change that still loses after `tries` attempts is reported as
 * storage being unavailable, since storage is then too contended to take it.
 */
export async function retryOnConflict<T>(tries: number, pauseMs: (attempt: number) => number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isETagConflict(error)) throw error;
      if (n >= tries) throw new StorageUnavailable('write', error);
      await sleep(pauseMs(n));
    }
  }
}
