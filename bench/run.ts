/**
 * `npm run bench`: matching time per message on the article's knowledge base and on one 100 times
 * larger; the bot's throughput and latency through POST /api/messages next to an echo bot on the
 * same server stack; start-up time and memory (of the bundle `npm start` runs and of tsc's output). Everything in one run, on this machine.
 * Environment: BENCH_HTTP_SECONDS (per round, default 5), BENCH_HTTP_ROUNDS (default 2),
 * BENCH_STARTUP_RUNS (default 5), BENCH_SKIP_HTTP=1 / BENCH_SKIP_STARTUP=1 to leave parts out.
 */
import os from 'node:os';
import path from 'node:path';
import { httpBench, summary } from './httpBench.js';
import { heldOutQuestions, matcherBench } from './matcherBench.js';
import { startupBench } from './startupBench.js';
import { format, median } from './stats.js';

const root = path.resolve(import.meta.dirname, '..');
const number = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

print(`Node ${process.version}, ${String(os.cpus().length)} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
print();
print('Matching: Answerer.respond per message, in process (held-out sets 2-4, each message alone)');
for (const f of matcherBench(root, { article: 20, large: 3 })) {
  print(
    `  ${f.label.padEnd(11)} ${String(f.entries).padStart(5)} entries, ${String(f.queries)} messages: ` +
      `p50 ${format(f.p50)} µs, p99 ${format(f.p99)} µs (first pass, caches cold: p50 ${format(f.coldP50)} µs, p99 ${format(f.coldP99)} µs); index built in ${format(f.buildMs, 0)} ms`,
  );
}

if (process.env.BENCH_SKIP_HTTP !== '1') {
  const seconds = number('BENCH_HTTP_SECONDS', 5);
  const rounds = number('BENCH_HTTP_ROUNDS', 2);
  print();
  print(`HTTP: POST /api/messages, expectReplies, autocannon 10 connections on loopback, ${String(rounds)} rounds of ${String(seconds)} s each (medians)`);
  const [echo, bot] = await httpBench(root, heldOutQuestions(root), rounds, seconds);
  if (echo && bot) {
    for (const f of [echo, bot]) {
      const s = summary(f);
      print(
        `  ${f.label.padEnd(9)} ${format(s.rps, 0)} req/s (rounds: ${f.requestsPerSecond.map((r) => format(r, 0)).join(', ')}), latency p50 ${format(s.p50, 0)} ms, p99 ${format(s.p99, 0)} ms, errors ${String(f.errors)}`,
      );
    }
    if (echo.errors + bot.errors > 0) {
      // a refused request (a 429 from the rate limits, a 500) is answered fast: the ratio would flatter
      print(`  bot / echo throughput: not valid, ${String(echo.errors + bot.errors)} requests failed`);
      process.exitCode = 1;
    } else {
      print(`  bot / echo throughput: ${format((100 * summary(bot).rps) / summary(echo).rps, 0)}%`);
    }
  }
}

if (process.env.BENCH_SKIP_STARTUP !== '1') {
  const count = number('BENCH_STARTUP_RUNS', 5);
  print();
  print(`Start-up: spawn node <entry> -> first 200 from GET /healthz, then one question answered (median of ${String(count)})`);
  // the bundle is what `npm start` runs; tsc's unbundled output shows what bundling saves
  for (const entry of ['dist/bot.mjs', 'dist/src/index.js']) {
    const runs = await startupBench(root, entry, count);
    print(
      `  ${entry.padEnd(17)} ${format(median(runs.map((r) => r.ms)), 0)} ms (runs: ${runs.map((r) => format(r.ms, 0)).join(', ')}), RSS ${format(median(runs.map((r) => r.rssMb)), 0)} MB`,
    );
  }
}
