import type { LearningEvent } from './events.js';
import type { EventLog } from './EventLog.js';

/** Keeps events in an array: for tests, and for tools that build a log in memory. */
export class MemoryEventLog implements EventLog {
  readonly events: LearningEvent[] = [];

  record(event: LearningEvent): void {
    this.events.push(event);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
