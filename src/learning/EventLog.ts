import type { LearningEvent } from './events.js';

/**
 * Where review events go. Recording never fails a turn and never makes the user wait: a log that
 * cannot be written loses the event (and says so in the operational log), the conversation goes on.
 */
export interface EventLog {
  record(event: LearningEvent): void;
  /** Resolves once every recorded event is written (shutdown, tests). */
  flush(): Promise<void>;
}

/** The log when EVENT_LOG_PATH is empty: the review log is opt-in, since it keeps what users wrote. */
export const DISABLED_EVENT_LOG: EventLog = Object.freeze({
  record: (): void => undefined,
  flush: (): Promise<void> => Promise.resolve(),
});
