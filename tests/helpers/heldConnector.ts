import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldConnector {
  /** The serviceUrl to put in activities. */
  readonly serviceUrl: string;
  /** Resolves when the bot has posted its first activity (its turn is then in flight, waiting on us). */
  readonly firstCall: Promise<void>;
  /** Answers every held call, and every later one at once. */
  readonly release: () => void;
  readonly close: () => Promise<void>;
}

/**
 * A channel connector that holds the bot's reply deliveries until the test releases them: a turn
 * made slow the way a slow channel makes it slow, so it is reliably in flight when the test acts.
 */
export async function startHeldConnector(): Promise<HeldConnector> {
  const held: ServerResponse[] = [];
  let released = false;
  let calls = 0;
  let signalFirst: () => void = () => undefined;
  const firstCall = new Promise<void>((resolve) => {
    signalFirst = resolve;
  });
  const answer = (res: ServerResponse): void => {
    calls += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${calls}` }));
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      signalFirst();
      if (released) answer(res);
      else held.push(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/held/`,
    firstCall,
    release: () => {
      released = true;
      for (const res of held.splice(0)) answer(res);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
