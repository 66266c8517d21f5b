import type { Next, Request, Response, Server } from 'restify';
import { refuse } from './respond.js';

/**
 * Graceful shutdown's bookkeeping: how many requests are in flight, and whether new work is still
 * taken. Once draining, new requests get 503 and `Connection: close` (the load balancer has seen
 * /readyz fail by then, or soon will), except the routes an in-flight turn itself still needs.
 *
 * Why the listener stays open while draining: the local Direct Line's bot posts its replies back
 * to this very server over loopback HTTP, so closing the listener first would fail the turns we
 * are waiting for.
 */
export class Drain {
  private inFlight = 0;
  private draining = false;
  private readonly idle = new Set<() => void>();

  /** `keepServing(path)`: routes still served while draining (health probes, the bot's own reply routes). */
  constructor(private readonly keepServing: (path: string) => boolean) {}

  get isDraining(): boolean {
    return this.draining;
  }

  register(server: Server): void {
    server.pre((req: Request, res: Response, next: Next) => {
      if (this.draining && !this.keepServing(req.getPath())) {
        res.header('connection', 'close');
        refuse(res, 503, 'shutting down');
        next(false);
        return;
      }
      this.inFlight += 1;
      let counted = true;
      const done = (): void => {
        if (!counted) return;
        counted = false;
        this.inFlight -= 1;
        if (this.inFlight === 0) for (const wake of this.idle) wake();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    });
  }

  /** Stops taking new work; resolves true once nothing is in flight, false if that took longer than timeoutMs. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return true;
    let wake: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<boolean>((resolve) => {
        wake = () => {
          resolve(true);
        };
        this.idle.add(wake);
        timer = setTimeout(() => {
          resolve(false);
        }, timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      if (wake) this.idle.delete(wake);
    }
  }
}
