/**
 * Storage could not be read or written (network, emulator or service down, timeout). Distinct from
 * an eTag conflict, which means storage works and someone else wrote first. The turn error handler
 * answers it with a short apology; the local Direct Line with a 503.
 */
export class StorageUnavailable extends Error {
  constructor(operation: 'read' | 'write' | 'delete', cause: unknown) {
    super(`storage ${operation} failed`, { cause });
    this.name = 'StorageUnavailable';
  }
}

/**
 * Both MemoryStorage and BlobsStorage report a failed eTag precondition with this wording (there
 * is no error class to test for).
 */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /due to eTag conflict/.test(error.message);
}
