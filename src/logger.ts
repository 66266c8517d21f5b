import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Message text is logged only at debug level: at info a log line says what
 * happened (outcome, topic, score), never what a customer wrote.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'sora-closure-bot' } };
  return destination ? pino(options, destination) : pino(options);
}
