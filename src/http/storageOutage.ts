import type { Logger } from '../logger.js';
import { StorageUnavailable } from '../storage/StorageUnavailable.js';
import { HttpError } from './HttpError.js';

/**
 * Runs a route's work; a storage outage becomes a 503 with a short reason (logged with its cause),
 * never a 500 with internals. Browsers retry a 503, and the outage is the platform's, not a bug.
 */
export async function refusingStorageOutage<T>(log: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    log.error({ err: error }, 'storage unavailable');
    throw new HttpError(503, 'the chat is unavailable for a moment; please try again');
  }
}
