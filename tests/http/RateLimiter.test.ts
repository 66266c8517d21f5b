import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/http/clientAddress.js';
import { RateLimiter } from '../../src/http/RateLimiter.js';
import { requestIdOf } from '../../src/http/requestId.js';
import type { IncomingMessage } from 'node:http';

describe('RateLimiter (token bucket per key)', () => {
  it('allows a burst of perMinute, then refuses with the seconds until the next token', () => {
    const limiter = new RateLimiter({ perMinute: 3, maxKeys: 10 });
    expect([1, 2, 3].map(() => limiter.take('a', 0).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    // other keys have buckets of their own
    expect(limiter.take('b', 0).allowed).toBe(true);
  });

  it('refills continuously, never above the burst', () => {
    const limiter = new RateLimiter({ perMinute: 60, maxKeys: 10 });
    for (let i = 0; i < 60; i++) limiter.take('a', 0);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('a', 1000).allowed).toBe(true);
    expect(limiter.take('a', 1000).allowed).toBe(false);
    // an hour of quiet gives back one minute's worth, not sixty
    const after = Array.from({ length: 61 }, () => limiter.take('a', 3_600_000).allowed);
    expect(after.filter(Boolean)).toHaveLength(60);
  });

  it('forgets the least recently seen keys beyond maxKeys, so made-up ids cannot grow it', () => {
    const limiter = new RateLimiter({ perMinute: 1, maxKeys: 100 });
    limiter.take('kept', 0);
    for (let i = 0; i < 10_000; i++) {
      limiter.take(`flood-${i}`, 0);
      if (i % 50 === 0) limiter.take('kept', 0);
    }
    expect(limiter.size).toBe(100);
    // "kept" stayed in the map, so its empty bucket still refuses
    expect(limiter.take('kept', 0).allowed).toBe(false);
  });

  it('is off at 0', () => {
    const limiter = new RateLimiter({ perMinute: 0, maxKeys: 1 });
    expect(Array.from({ length: 1000 }, (_, i) => limiter.take(String(i % 3), 0).allowed).every(Boolean)).toBe(true);
    expect(limiter.size).toBe(0);
  });
});

function request(headers: Record<string, string | string[]>, remoteAddress = '10.0.0.1'): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the socket peer unless a proxy is trusted', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '1.2.3.4' }), false)).toBe('10.0.0.1');
  });

  it('behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added), with or without a port', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4' }), true)).toBe('1.2.3.4');
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 1.2.3.4:51234' }), true)).toBe('1.2.3.4');
    expect(clientAddress(request({ 'x-forwarded-for': '[2001:db8::1]:443' }), true)).toBe('2001:db8::1');
    expect(clientAddress(request({ 'x-forwarded-for': '2001:db8::1' }), true)).toBe('2001:db8::1');
    expect(clientAddress(request({ 'x-forwarded-for': 'garbage' }), true)).toBe('10.0.0.1');
    expect(clientAddress(request({}), true)).toBe('10.0.0.1');
  });
});

describe('requestIdOf', () => {
  it("reuses a sane x-request-id and replaces anything else with a UUID", () => {
    expect(requestIdOf(request({ 'x-request-id': 'abc-123.def:9' }))).toBe('abc-123.def:9');
    for (const bad of ['', 'a b', 'x'.repeat(200), 'line\nbreak', '<script>', ['a', 'b']]) {
      expect(requestIdOf(request({ 'x-request-id': bad }))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
