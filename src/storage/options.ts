/**
 * Timing of the bot's storage calls, in one frozen object with the reason for each value. A turn
 * reads and writes conversation state once each, so every bound here is also a bound on how long a
 * user waits for the apology when storage is down.
 */
export const STORAGE_OPTIONS = Object.freeze({
  /**
   * Retries inside the Azure SDK for one blob call. Its defaults (4 tries, 4 s doubling delays) keep
   * a user waiting ~30 s on a refused connection; two quick retries ride out a blip and fail fast.
   */
  retry: Object.freeze({ maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 }),
  /** Longest wait for one read, write or delete, retries included: a hung connection must not hold a turn. */
  operationTimeoutMs: 5000,
  /** Longest wait for /readyz's probe read: load balancers call it every few seconds with their own short timeout. */
  probeTimeoutMs: 2000,
  /** The key /readyz reads: never written, so the read is a cheap "not found" that still reaches the container. */
  probeKey: 'readiness-probe',
});
