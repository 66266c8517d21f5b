import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { StorageConfig } from '../config.js';
import { GuardedStorage } from './GuardedStorage.js';
import { STORAGE_OPTIONS } from './options.js';

/**
 * The one Storage of the process, shared by conversation state, the local Direct Line and (later)
 * tickets: in memory by default, in Azure Blob Storage when a connection string is configured so
 * that several instances serve one conversation. Nothing is contacted here; the container is
 * created on first use, and /readyz reports whether storage answers.
 */
export function createStorage(config: StorageConfig): Storage {
  if (config.connectionString === '') return new MemoryStorage();
  const options = { storagePipelineOptions: { retryOptions: { ...STORAGE_OPTIONS.retry } } };
  return new GuardedStorage(() => new BlobsStorage(config.connectionString, config.container, options), STORAGE_OPTIONS.operationTimeoutMs);
}
