import path from 'node:path';
import { ActivityTypes, ConversationState, MemoryStorage, type Activity, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { expect } from 'vitest';
import type { HandoffRequest } from '../../dialogs/handoffTrigger.js';
import type { DialogDeps } from '../../dialogs/DialogDeps.js';
import { recordedOutcome, type OutcomeTrace } from '../../dialogs/outcomeTrace.js';
import { RootDialog } from '../../dialogs/RootDialog.js';
import { Answerer } from '../../src/answering/Answerer.js';
import { loadKnowledge } from '../../src/answering/loadKnowledge.js';
import { DECISION_OPTIONS } from '../../src/answering/options.js';
import type { ConversationMemory, FaqEntry, KnowledgeBase } from '../../src/answering/types.js';
import { toMessage } from '../../src/bot/render.js';
import { MemoryEventLog } from '../../src/learning/MemoryEventLog.js';
import { projectRoot } from '../../src/config.js';

export const knowledge = loadKnowledge(path.join(projectRoot(), 'knowledge'));
export const answerer = new Answerer(knowledge);

/** One row of a conversation table: what the user says, and what the bot's reply must show. */
export interface Row {
  readonly say: string;
  /** Every one of these must be in the reply text (a RegExp, or a case-insensitive substring). */
  readonly reply: readonly (string | RegExp)[];
  /** None of these may be in the reply text (case-insensitive substrings). */
  readonly notReply?: readonly string[];
  /** Labels that must be among the reply's buttons. */
  readonly buttons?: readonly string[];
  /** Labels that must not be among them. */
  readonly notButtons?: readonly string[];
  /** The outcome the turn must report (as the bot's trace would). */
  readonly outcome?: Partial<OutcomeTrace>;
}

export interface Turn {
  readonly text: string;
  /** Titles of every button, feedback ones included. */
  readonly buttons: readonly string[];
  /** The buttons that send data (messageBack): feedback. */
  readonly dataButtons: readonly { readonly title: string; readonly value: unknown }[];
  readonly events: readonly string[];
  readonly outcome: OutcomeTrace | undefined;
}

/**
 * The root dialog under DialogTestClient with the real answering core and knowledge, replies
 * dressed as the bot dresses them (markdown + suggested actions), and the outcome each turn
 * recorded. Only the handoff is replaced: here it sends the bare event, which is what these
 * tests look for; the bot's transcript-carrying version is tested over HTTP.
 */
export class DialogHarness {
  readonly client: DialogTestClient;
  /** Every review event the dialogs recorded. */
  readonly events = new MemoryEventLog();
  /** Every handoff the dialogs asked for, with its reason. */
  readonly handoffs: HandoffRequest[] = [];
  private readonly outcomes: (OutcomeTrace | undefined)[] = [];
  private last: Turn | undefined;

  constructor(core: Answerer = answerer, state = new ConversationState(new MemoryStorage())) {
    const deps: DialogDeps = {
      answerer: core,
      memory: state.createProperty<ConversationMemory>('memory'),
      decision: DECISION_OPTIONS,
      send: async (context, reply) => {
        await context.sendActivity(toMessage(reply));
      },
      handoff: async (context: TurnContext, request: HandoffRequest) => {
        this.handoffs.push(request);
        await context.sendActivity({ type: ActivityTypes.Event, name: 'handoff.initiate' });
      },
      learning: { events: this.events, clarifying: state.createProperty<string>('clarifyingQuestion') },
    };
    const recordOutcomes = {
      onTurn: async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
        await next();
        this.outcomes.push(recordedOutcome(context));
      },
    };
    this.client = new DialogTestClient('test', new RootDialog(deps), undefined, [recordOutcomes], state);
  }

  /** Sends one message and collects every activity the bot sent in that turn. */
  async say(text: string): Promise<Turn> {
    return this.send(text);
  }

  /**
   * Taps a data button of the last reply as Web Chat does (a messageBack: its value and no text),
   * or sends `value` as given, like a Teams card submit.
   */
  async tap(title: string, value?: unknown): Promise<Turn> {
    const button = this.last?.dataButtons.find((b) => b.title === title);
    if (value === undefined && !button) throw new Error(`no button "${title}" under the last reply: [${this.last?.buttons.join(' | ') ?? ''}]`);
    return this.send({ type: ActivityTypes.Message, value: value ?? button?.value });
  }

  private async send(activity: string | Partial<Activity>): Promise<Turn> {
    const replies: Partial<Activity>[] = [];
    let reply = (await this.client.sendActivity(activity)) as Partial<Activity> | undefined;
    while (reply) {
      replies.push(reply);
      reply = this.client.getNextReply();
    }
    const messages = replies.filter((r) => r.type === ActivityTypes.Message);
    const actions = messages.flatMap((m) => m.suggestedActions?.actions ?? []);
    this.last = {
      text: messages.map((m) => m.text ?? '').join('\n\n'),
      buttons: actions.map((a) => a.title),
      dataButtons: actions.filter((a) => a.type === 'messageBack').map((a) => ({ title: a.title, value: a.value as unknown })),
      events: replies.filter((r) => r.type === ActivityTypes.Event).map((r) => r.name ?? ''),
      outcome: this.outcomes[this.outcomes.length - 1],
    };
    return this.last;
  }

  /** Plays a conversation table, checking every reply against its row. */
  async play(rows: readonly Row[]): Promise<Turn[]> {
    const turns: Turn[] = [];
    for (const row of rows) {
      const turn = await this.say(row.say);
      expectTurn(turn, row);
      turns.push(turn);
    }
    return turns;
  }
}

export function expectTurn(turn: Turn, row: Row): void {
  const where = `after the user said "${row.say}", the bot said:\n${turn.text}\n[${turn.buttons.join(' | ')}]`;
  for (const wanted of row.reply) {
    if (typeof wanted === 'string') expect(turn.text.toLowerCase(), where).toContain(wanted.toLowerCase());
    else expect(turn.text, where).toMatch(wanted);
  }
  for (const label of row.buttons ?? []) expect(turn.buttons, where).toContain(label);
  for (const unwanted of row.notReply ?? []) expect(turn.text.toLowerCase(), where).not.toContain(unwanted.toLowerCase());
  for (const label of row.notButtons ?? []) expect(turn.buttons, where).not.toContain(label);
  if (row.outcome) expect(turn.outcome, where).toMatchObject(row.outcome);
}

/** A plain FAQ entry for fixtures: one question, one made-up quote. */
function fixtureEntry(id: string, question: string): FaqEntry {
  return {
    id,
    title: id,
    questions: [question],
    keywords: [],
    answer: `Answer about ${id}.`,
    citations: [{ quote: 'q', sectionId: 's', sectionHeading: 'S' }],
    related: [],
    file: 'test.yaml',
  };
}

/**
 * Two entries that share their only distinguishing word, and a core that never answers a tie
 * outright: the real knowledge base answers confidently, so a "Did you mean" needs this fixture.
 */
export const twinsKnowledge: KnowledgeBase = {
  ...knowledge,
  entries: [fixtureEntry('zeppelin-alpha', 'what was the zeppelin alpha'), fixtureEntry('zeppelin-beta', 'what was the zeppelin beta'), ...knowledge.entries],
  notCovered: [],
};
export const cautiousAnswerer = new Answerer(twinsKnowledge, { ...DECISION_OPTIONS, confidentScore: 1 });
