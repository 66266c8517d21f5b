import { ActivityTypes, RoleTypes, type Activity } from 'botbuilder';

export interface TranscriptLine {
  readonly from: 'user' | 'bot';
  readonly text: string;
  readonly timestamp: string;
}

/**
 * The recent messages of a conversation, kept in conversation state so a person taking over
 * (handoff) sees what was said. Bounded, because state is read and written on every turn.
 */
export class Transcript {
  static readonly MAX_LINES = 40;
  /** Long messages are cut: the agent needs the gist, and state must stay small. */
  static readonly MAX_TEXT = 2000;
  private readonly lines: TranscriptLine[];

  constructor(lines: readonly TranscriptLine[]) {
    this.lines = [...lines];
  }

  add(from: TranscriptLine['from'], text: string): void {
    this.lines.push({ from, text: text.slice(0, Transcript.MAX_TEXT), timestamp: new Date().toISOString() });
    if (this.lines.length > Transcript.MAX_LINES) this.lines.splice(0, this.lines.length - Transcript.MAX_LINES);
  }

  /** The last thing the user asked that was not itself the request for a person. */
  lastUserQuestion(): string {
    const userLines = this.lines.filter((line) => line.from === 'user');
    // the last line is the request itself; a request as the first message asked nothing else
    return userLines.at(-2)?.text ?? '';
  }

  /** What the bot said after the user's last message (this turn's replies). */
  botRepliesSinceUser(): string[] {
    const replies: string[] = [];
    for (let i = this.lines.length - 1; i >= 0 && this.lines[i]?.from === 'bot'; i -= 1) replies.unshift(this.lines[i]?.text ?? '');
    return replies;
  }

  /**
   * As activities, the form `EventFactory.createHandoffInitiation` attaches. Each line takes the
   * conversation fields of the current activity and only its own text, time and sender.
   */
  toActivities(current: Activity): Activity[] {
    const user = { id: current.from?.id ?? 'user', name: current.from?.name ?? 'user', role: RoleTypes.User };
    const bot = { id: current.recipient?.id ?? 'bot', name: current.recipient?.name ?? 'bot', role: RoleTypes.Bot };
    return this.lines.map((line) => ({
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- spreading botbuilder's own Activity: its enum fields keep their types
      ...current,
      id: undefined,
      type: ActivityTypes.Message,
      text: line.text,
      timestamp: new Date(line.timestamp),
      from: line.from === 'user' ? user : bot,
      recipient: line.from === 'user' ? bot : user,
      attachments: undefined,
      entities: undefined,
      channelData: undefined,
      value: undefined,
      suggestedActions: undefined,
    }));
  }

  toJSON(): TranscriptLine[] {
    return [...this.lines];
  }
}
