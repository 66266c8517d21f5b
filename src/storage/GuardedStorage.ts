import type { Storage, StoreItems } from 'botbuilder';
import { isETagConflict, StorageUnavailable } from './StorageUnavailable.js';
import { withTimeout } from './withTimeout.js';

/**
 * A Storage that survives outages of the one it wraps. Every call is bounded by a timeout, and a
 * failure other than an eTag conflict becomes StorageUnavailable and drops the inner instance, so
 * the next call builds a fresh one.
 *
 * Why rebuild: BlobsStorage creates its container once and caches that promise, including a
 * rejected one, so after a failed first call it would fail forever; and when the container
 * disappears (a storage account restored, Azurite restarted in memory) writes would fail with
 * "container not found" forever. A fresh BlobsStorage creates the container again.
 */
export class GuardedStorage implements Storage {
  private inner: Storage | undefined;

  constructor(
    private readonly create: () => Storage,
    private readonly timeoutMs: number,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', (storage) => storage.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', (storage) => storage.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', (storage) => storage.delete(keys));
  }

  private async guard<T>(operation: 'read' | 'write' | 'delete', call: (storage: Storage) => Promise<T>, retried = false): Promise<T> {
    const storage = (this.inner ??= this.create());
    try {
      return await withTimeout(call(storage), this.timeoutMs);
    } catch (error) {
      if (isETagConflict(error)) throw error;
      if (this.inner === storage) this.inner = undefined;
      // storage answers but the container is gone: a fresh client creates it, so try once more at once
      if (!retried && isContainerMissing(error)) return this.guard(operation, call, true);
      throw new StorageUnavailable(operation, error);
    }
  }
}

/** The Azure SDK's RestError for a container that does not exist (deleted, or an emulator restarted in memory). */
function isContainerMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ContainerNotFound';
}
