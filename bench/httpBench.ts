import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { median } from './stats.js';

export interface HttpFigures {
  readonly label: string;
  /** One figure per round. */
  readonly requestsPerSecond: readonly number[];
  readonly p50: readonly number[];
  readonly p99: readonly number[];
  readonly errors: number;
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

async function startChild(root: string, kind: 'bot' | 'echo'): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'benchServer.ts'), kind], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => {
      reject(new Error(`${kind} server exited with ${String(code)}`));
    });
  });
  return { url, child };
}

/**
 * A Bot Framework message with deliveryMode expectReplies (replies in the HTTP response). The
 * conversation rotates over 997 ids: with 10 connections no two requests in flight share one (the
 * state store would refuse the second write), and each id comes back with its memory.
 */
function activity(question: string, turn: number): string {
  return JSON.stringify({
    type: 'message',
    id: `m${turn}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: 'bench-user', name: 'bench' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: `bench-${turn % 997}` },
    text: question,
  });
}

async function load(url: string, questions: readonly string[], seconds: number): Promise<autocannon.Result> {
  let turn = 0;
  return autocannon({
    url: `${url}/api/messages`,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          turn += 1;
          return { ...request, body: activity(questions[turn % questions.length] ?? 'what is sora', turn) };
        },
      },
    ],
  });
}

/**
 * The bot and an echo bot through POST /api/messages, each in its own process, driven by
 * autocannon on loopback in alternating rounds (echo, bot, echo, bot, ...) so that load from
 * elsewhere on the machine falls on both alike.
 */
export async function httpBench(root: string, questions: readonly string[], rounds: number, seconds: number): Promise<HttpFigures[]> {
  const servers = { echo: await startChild(root, 'echo'), bot: await startChild(root, 'bot') };
  const figures = { echo: { rps: [] as number[], p50: [] as number[], p99: [] as number[], errors: 0 }, bot: { rps: [] as number[], p50: [] as number[], p99: [] as number[], errors: 0 } };
  try {
    // a short warm-up of each, so the first round does not pay for JIT compilation
    for (const kind of ['echo', 'bot'] as const) await load(servers[kind].url, questions, 2);
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['echo', 'bot'] as const) {
        const result = await load(servers[kind].url, questions, seconds);
        const f = figures[kind];
        f.rps.push(result.requests.average);
        f.p50.push(result.latency.p50);
        f.p99.push(result.latency.p99);
        f.errors += result.errors + result.non2xx + result.timeouts;
      }
    }
  } finally {
    servers.echo.child.kill();
    servers.bot.child.kill();
  }
  return (['echo', 'bot'] as const).map((kind) => ({
    label: kind === 'echo' ? 'echo bot' : 'the bot',
    requestsPerSecond: figures[kind].rps,
    p50: figures[kind].p50,
    p99: figures[kind].p99,
    errors: figures[kind].errors,
  }));
}

export function summary(f: HttpFigures): { rps: number; p50: number; p99: number } {
  return { rps: median(f.requestsPerSecond), p50: median(f.p50), p99: median(f.p99) };
}
