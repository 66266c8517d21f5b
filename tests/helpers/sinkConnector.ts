import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkConnector {
  readonly serviceUrl: string;
  /** How many activities the bot posted here. */
  readonly count: () => number;
  readonly close: () => Promise<void>;
}

/**
 * A Bot Connector on a loopback port that accepts every activity and keeps nothing but a count:
 * where fuzzed and soak activities with normal delivery send their replies, so no test ever posts
 * to a real or made-up host, and memory stays flat however many replies arrive.
 */
export async function startSinkConnector(): Promise<SinkConnector> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sink-${received}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/sink/`,
    count: () => received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}
