/** An activity as the browser receives it, with the watermark position it was stored at. */
interface Stored {
  readonly seq: number;
  readonly activity: Readonly<Record<string, unknown>>;
  readonly bytes: number;
}

export interface ConversationLimits {
  readonly maxActivities: number;
  readonly maxBytes: number;
}

export interface ActivitySet {
  readonly activities: readonly Readonly<Record<string, unknown>>[];
  readonly watermark: string;
}

/**
 * One local Direct Line conversation: who the user is, whether the bot has been told it started,
 * and the activity stream the browser polls. The stream is bounded by count and by bytes; the
 * oldest activities go first, which only matters to a browser that stopped polling long ago.
 */
export class Conversation {
  /** Set once the bot got its conversationUpdate, so a second "start" does not greet twice. */
  started = false;
  lastUsed: number;
  private readonly stream: Stored[] = [];
  private bytes = 0;
  private seq = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    private readonly limits: ConversationLimits,
    now: number,
  ) {
    this.lastUsed = now;
  }

  /** Adds an activity and returns the id it was given (Direct Line's "conversationId|0000001" form). */
  append(activity: Readonly<Record<string, unknown>>): string {
    this.seq += 1;
    const id = `${this.id}|${String(this.seq).padStart(7, '0')}`;
    const stored = { ...activity, id, conversation: { id: this.id }, timestamp: new Date().toISOString() };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    this.stream.push({ seq: this.seq, activity: stored, bytes });
    this.bytes += bytes;
    while (this.stream.length > 1 && (this.stream.length > this.limits.maxActivities || this.bytes > this.limits.maxBytes)) {
      this.bytes -= this.stream.shift()?.bytes ?? 0;
    }
    return id;
  }

  /** Activities after `watermark` (all kept ones when it is undefined) and the new watermark. */
  since(watermark: number | undefined): ActivitySet {
    const after = watermark ?? 0;
    return { activities: this.stream.filter((s) => s.seq > after).map((s) => s.activity), watermark: String(this.seq) };
  }
}
