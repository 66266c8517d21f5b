import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import type { LearningEvent } from './events.js';
import type { EventLog } from './EventLog.js';

export interface JsonLinesEventLogSettings {
  /** The log file; its folder is created when missing. */
  readonly file: string;
  /**
   * Above this size the file is renamed to `<file>.1` (replacing the previous one) and a new file
   * starts: the log never takes more than about twice this on disk.
   */
  readonly maxBytes: number;
  readonly log: Logger;
}

/**
 * The review log as JSON Lines, one event a line, appended in order. Writes are queued so lines
 * never interleave and a turn never waits on the disk; a failed write is reported in the
 * operational log (without the event's text) and dropped.
 */
export class JsonLinesEventLog implements EventLog {
  private queue: Promise<void> = Promise.resolve();
  /** Bytes in the current file, once known; read from disk before the first write. */
  private size: number | undefined;

  constructor(private readonly settings: JsonLinesEventLogSettings) {}

  record(event: LearningEvent): void {
    const line = `${JSON.stringify(event)}\n`;
    this.queue = this.queue.then(() => this.append(line)).catch((error: unknown) => {
      this.size = undefined;
      this.settings.log.warn({ err: error, file: this.settings.file, event: event.type }, 'review event not written');
    });
  }

  flush(): Promise<void> {
    return this.queue;
  }

  private async append(line: string): Promise<void> {
    const { file, maxBytes } = this.settings;
    if (this.size === undefined) {
      await mkdir(path.dirname(file), { recursive: true });
      this.size = await stat(file).then((s) => s.size, () => 0);
    }
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > maxBytes) {
      await rename(file, `${file}.1`);
      this.size = 0;
    }
    await appendFile(file, line, 'utf8');
    this.size += bytes;
  }
}
