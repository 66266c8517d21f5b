import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { conversationHash } from '../../src/learning/conversationHash.js';
import { createEventLog } from '../../src/learning/createEventLog.js';
import { DISABLED_EVENT_LOG } from '../../src/learning/EventLog.js';
import { learningEventSchema, type LearningEvent } from '../../src/learning/events.js';
import { JsonLinesEventLog } from '../../src/learning/JsonLinesEventLog.js';
import { createLogger } from '../../src/logger.js';

const log = createLogger('silent');

function event(question: string): LearningEvent {
  return { v: 1, time: '2026-04-01T10:00:00.000Z', conversation: conversationHash('conv-1'), channel: 'webchat', question, type: 'fallback', reason: 'off-topic', topicId: null, score: 0.1 };
}

describe('the review log file', () => {
  it('writes one JSON line per event, in order, creating its folder, each readable by the schema', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'events-')), 'data', 'events.jsonl');
    const events = new JsonLinesEventLog({ file, maxBytes: 1024 * 1024, log });
    events.record(event('how much does sora cost'));
    events.record(event('is bitcoin going up'));
    await events.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => learningEventSchema.parse(JSON.parse(l)).question)).toEqual(['how much does sora cost', 'is bitcoin going up']);
  });

  it('rotates to <file>.1 when the next line would pass the size limit, so growth is bounded', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'events-')), 'events.jsonl');
    const size = Buffer.byteLength(`${JSON.stringify(event('q0'))}\n`);
    const events = new JsonLinesEventLog({ file, maxBytes: size * 2, log });
    for (const q of ['q1', 'q2', 'q3', 'q4', 'q5']) events.record(event(q));
    await events.flush();
    const read = (f: string): string[] => readFileSync(f, 'utf8').trim().split('\n').map((l) => learningEventSchema.parse(JSON.parse(l)).question);
    expect(read(`${file}.1`)).toEqual(['q3', 'q4']);
    expect(read(file)).toEqual(['q5']);
  });

  it('loses the event, not the turn, when the file cannot be written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'events-'));
    // the "folder" is the file itself: mkdir fails
    const events = new JsonLinesEventLog({ file: path.join(dir, 'events.jsonl', 'x'), maxBytes: 65536, log });
    expect(() => { events.record(event('q')); }).not.toThrow();
    await expect(events.flush()).resolves.toBeUndefined();
  });

  it('hashes conversation ids: stable, short, not the id', () => {
    expect(conversationHash('a:1Hn4Tq7')).toBe(conversationHash('a:1Hn4Tq7'));
    expect(conversationHash('a:1Hn4Tq7')).toMatch(/^[0-9a-f]{16}$/);
    expect(conversationHash('a:1Hn4Tq7')).not.toBe(conversationHash('a:1Hn4Tq8'));
  });
});

describe('review log settings', () => {
  it('is off unless EVENT_LOG_PATH is set (it keeps what users wrote)', () => {
    expect(loadConfig({}).eventLog).toEqual({ file: '', maxBytes: 10 * 1024 * 1024 });
    expect(createEventLog(loadConfig({}).eventLog, log)).toBe(DISABLED_EVENT_LOG);
  });

  it('resolves the path and reads the size limit', () => {
    const config = loadConfig({ EVENT_LOG_PATH: 'data/events.jsonl', EVENT_LOG_MAX_BYTES: '65536' });
    expect(config.eventLog).toEqual({ file: path.resolve('data/events.jsonl'), maxBytes: 65536 });
    expect(createEventLog(config.eventLog, log)).toBeInstanceOf(JsonLinesEventLog);
    expect(existsSync(config.eventLog.file)).toBe(false);
  });

  it('refuses a size limit out of range', () => {
    expect(() => loadConfig({ EVENT_LOG_MAX_BYTES: '100' })).toThrow('EVENT_LOG_MAX_BYTES must be a whole number from 65536 to 1073741824, not "100"');
  });
});
