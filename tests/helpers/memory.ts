import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// a fresh context picks up the flag, so the worker need not be started with --expose-gc
const collect = runInNewContext('gc') as () => void;

/** Heap in use after a full garbage collection, in MB: what is really kept, not what is merely not yet collected. */
export function heapAfterGcMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
