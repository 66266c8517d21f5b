import type { Request, Response, Server } from 'restify';
import type { Storage } from 'botbuilder';
import type { Logger } from '../logger.js';
import { probeStorage } from '../storage/probeStorage.js';
import type { Drain } from './Drain.js';

/** What /readyz says about the knowledge base: how much of it was loaded (validated at start-up). */
export interface KnowledgeSummary {
  readonly entries: number;
  readonly tours: number;
}

export interface ReadinessDeps {
  /** Absent when the server runs without the answering core (some tests): then it is not ready. */
  readonly knowledge: KnowledgeSummary | undefined;
  readonly storage: Storage;
  readonly drain: Drain;
  readonly log: Logger;
}

/**
 * GET /readyz: whether a load balancer should send users here. 200 `{status:'ready', knowledge,
 * storage:'ok'}` when the knowledge is loaded and storage answered a read within the probe's
 * timeout; 503 with a short reason otherwise, and while shutting down. /healthz, by contrast, only
 * says the process is alive: a storage outage must not get every instance restarted.
 */
export function registerReadiness(server: Server, { knowledge, storage, drain, log }: ReadinessDeps): void {
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (drain.isDraining) {
      res.send(503, { status: 'shutting down' });
      return;
    }
    const probe = await probeStorage(storage);
    if (!probe.ok) log.warn({ err: probe.error }, 'readiness: storage unreachable');
    const body = { knowledge: knowledge ?? 'not loaded', storage: probe.ok ? 'ok' : 'unreachable' };
    const ready = knowledge !== undefined && probe.ok;
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...body });
  });
}
