import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { heapAfterGcMb } from '../helpers/memory.js';
import { messageActivity, post, startTestBot, type Reply } from '../helpers/testBot.js';

/**
 * A few thousand turns across many conversations through the real server on loopback, a few at a
 * time, as many users chatting at once would send them. Bounded in turns, not in time; nothing
 * is timed. Checks that no turn fails or loses its reply and that memory stays flat.
 */
const CONVERSATIONS = 200;
const TURNS = 3000;
const WARM_UP_TURNS = 400; // two per conversation: every conversation's state exists before the first measurement
const CONCURRENCY = 8;
const QUESTIONS = [
  'Why did OpenAI shut down Sora?',
  'How much did Sora make?',
  'What happened to the Disney deal?',
  'and ChatGPT?',
  'tell me more',
  'what can you do?',
  'next',
  'thanks a lot',
  'What is the weather in Paris?',
  'who is Seedance?',
  'help',
  'stop',
];

interface TurnCheck {
  readonly status: number;
  readonly messages: number;
  readonly outcomeTraces: number;
  readonly repliesToThisTurn: boolean;
}

let bot: RunningServer;
beforeAll(async () => {
  // 3,000 turns from one address in well under a minute: the per-client limit is off, on purpose;
  // the per-conversation one stays at its default (15 turns per conversation)
  bot = await startTestBot({ RATE_LIMIT_PER_CLIENT: '0' });
});
afterAll(async () => {
  await bot.close();
});

async function turn(index: number): Promise<TurnCheck> {
  const id = randomUUID();
  const conversation = { id: `soak-${index % CONVERSATIONS}` };
  const text = QUESTIONS[Math.floor(index / CONVERSATIONS + index) % QUESTIONS.length] ?? 'hi';
  const result = await post(bot.url, messageActivity(text, { id, conversation, deliveryMode: 'expectReplies' }));
  const activities = result.status === 200 ? (result.body as { activities: (Reply & { replyToId?: string })[] }).activities : [];
  return {
    status: result.status,
    messages: activities.filter((a) => a.type === 'message').length,
    outcomeTraces: activities.filter((a) => a.type === 'trace' && a.name === 'outcome').length,
    repliesToThisTurn: activities.every((a) => a.replyToId === id),
  };
}

/** Turns from..to-1, at most CONCURRENCY in flight; each conversation's turns stay in order because a conversation's next turn is CONVERSATIONS indexes later. */
async function run(from: number, to: number): Promise<TurnCheck[]> {
  const checks: TurnCheck[] = [];
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) checks.push(await turn(next++));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return checks;
}

describe('soak', () => {
  it(`${TURNS} turns across ${CONVERSATIONS} conversations: no errors, every turn answered once, memory flat`, async () => {
    const warmUp = await run(0, WARM_UP_TURNS);
    const before = heapAfterGcMb();
    const checks = [...warmUp, ...(await run(WARM_UP_TURNS, TURNS))];
    const after = heapAfterGcMb();

    expect(checks).toHaveLength(TURNS);
    expect(checks.filter((c) => c.status !== 200)).toEqual([]);
    expect(checks.filter((c) => c.messages < 1 || c.outcomeTraces !== 1 || !c.repliesToThisTurn)).toEqual([]);
    // state is bounded per conversation (a short transcript, the dialog stack): a generous bound, not a measurement
    expect(after - before).toBeLessThan(50);
  }, 180_000);
});
