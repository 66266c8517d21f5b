/** An activity as the browser receives it, with the watermark position it was stored at. */
export interface StoredActivity {
  readonly seq: number;
  readonly activity: Readonly<Record<string, unknown>>;
  readonly bytes: number;
}

/** A bearer token of the conversation, as its hash, and when it stops working. */
export interface TokenGrant {
  readonly hash: string;
  readonly expiresAt: number;
}

/**
 * One conversation as it is kept in Storage (memory, or Blob Storage shared by all instances):
 * everything another instance needs to serve it. eTag is the storage's, for optimistic concurrency.
 */
export interface ConversationRecord {
  readonly id: string;
  readonly userId: string;
  /** Set once the bot got its conversationUpdate, so a second "start" does not greet twice. */
  started: boolean;
  lastUsed: number;
  seq: number;
  bytes: number;
  stream: StoredActivity[];
  /** At most two live tokens: the current one and the one it was refreshed from. */
  tokens: TokenGrant[];
  eTag?: string;
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
 * and the activity stream the browser polls. A snapshot of its record as read from Storage;
 * changes go through ConversationStore.update, which writes them back. The stream is bounded by
 * count and by bytes; the oldest activities go first, which only matters to a browser that
 * stopped polling long ago.
 */
export class Conversation {
  constructor(
    readonly record: ConversationRecord,
    private readonly limits: ConversationLimits,
  ) {}

  static open(id: string, userId: string, limits: ConversationLimits, now: number): Conversation {
    return new Conversation({ id, userId, started: false, lastUsed: now, seq: 0, bytes: 0, stream: [], tokens: [] }, limits);
  }

  get id(): string {
    return this.record.id;
  }

  get userId(): string {
    return this.record.userId;
  }

  /** Adds an activity and returns the id it was given (Direct Line's "conversationId|0000001" form). */
  append(activity: Readonly<Record<string, unknown>>): string {
    const record = this.record;
    record.seq += 1;
    const id = `${record.id}|${String(record.seq).padStart(7, '0')}`;
    const stored = { ...activity, id, conversation: { id: record.id }, timestamp: new Date().toISOString() };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    record.stream.push({ seq: record.seq, activity: stored, bytes });
    record.bytes += bytes;
    while (record.stream.length > 1 && (record.stream.length > this.limits.maxActivities || record.bytes > this.limits.maxBytes)) {
      record.bytes -= record.stream.shift()?.bytes ?? 0;
    }
    return id;
  }

  /** Activities after `watermark` (all kept ones when it is undefined) and the new watermark. */
  since(watermark: number | undefined): ActivitySet {
    const after = watermark ?? 0;
    return { activities: this.record.stream.filter((s) => s.seq > after).map((s) => s.activity), watermark: String(this.record.seq) };
  }
}

/** Whether something read from Storage is a conversation record (and not junk or another item). */
export function isConversationRecord(value: unknown): value is ConversationRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<Record<keyof ConversationRecord, unknown>>;
  return typeof record.id === 'string' && typeof record.userId === 'string' && typeof record.seq === 'number' && Array.isArray(record.stream) && Array.isArray(record.tokens);
}
