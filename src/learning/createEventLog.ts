import type { EventLogConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { DISABLED_EVENT_LOG, type EventLog } from './EventLog.js';
import { JsonLinesEventLog } from './JsonLinesEventLog.js';

/** The review log the settings ask for: a JSON Lines file, or none. */
export function createEventLog(config: EventLogConfig, log: Logger): EventLog {
  if (config.file === '') return DISABLED_EVENT_LOG;
  return new JsonLinesEventLog({ file: config.file, maxBytes: config.maxBytes, log });
}
