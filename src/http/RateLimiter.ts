export interface RateLimit {
  /** Requests allowed per minute, and also the burst: a quiet key may spend a whole minute's worth at once. 0 turns the limit off. */
  readonly perMinute: number;
  /** Keys remembered at once; beyond it the least recently seen key is forgotten (it starts again with a full bucket). */
  readonly maxKeys: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const ALLOWED: RateDecision = Object.freeze({ allowed: true });

/**
 * A token bucket per key (a conversation id, a client address), in memory. Each key holds up to
 * `perMinute` tokens, refilled continuously at perMinute per minute; a request takes one. The map
 * is bounded: a flood of new keys (made-up conversation ids) evicts the least recently seen ones
 * instead of growing without end. Per process: with several instances each counts its own share.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(private readonly limit: RateLimit) {
    this.refillPerMs = limit.perMinute / 60_000;
  }

  take(key: string, nowMs = Date.now()): RateDecision {
    if (this.limit.perMinute <= 0) return ALLOWED;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.perMinute, updatedMs: nowMs };
    bucket.tokens = Math.min(this.limit.perMinute, bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * this.refillPerMs);
    bucket.updatedMs = nowMs;
    // delete + set moves the key to the end of the Map's order: the front is always the least recently seen
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evictOverflow();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return ALLOWED;
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  /** Keys currently remembered (for tests of the bound). */
  get size(): number {
    return this.buckets.size;
  }

  private evictOverflow(): void {
    while (this.buckets.size > this.limit.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done === true) return;
      this.buckets.delete(oldest.value);
    }
  }
}
