import { ActivityTypes } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { ConversationAction } from '../src/answering/types.js';
import type { DialogDeps } from './DialogDeps.js';
import { feedbackOf, type FeedbackValue } from './feedback.js';


/** botbuilder types activity.type as a plain string; its enum value compared as one. */
const MESSAGE: string = ActivityTypes.Message;
/**
 * A multi-step dialog that honours "help", "stop", "start over" and "menu" at every step, in the
 * spirit of the BotBuilder core-bot's CancelAndHelpDialog, but recognised in the user's own words
 * (typos and padding forgiven by the answering core's small-talk matcher) rather than as exact
 * strings. Subclasses say what each interruption means for them and handle everything else.
 */
export abstract class InterruptibleDialog<Options extends object> extends Dialog<Options> {
  protected constructor(
    dialogId: string,
    protected readonly deps: DialogDeps,
  ) {
    super(dialogId);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    // events and other non-messages pass by a waiting dialog untouched
    if (activity.type !== MESSAGE) return Dialog.EndOfTurn;
    // a 👍 / 👎 tap is about an earlier reply, not a step of this dialog
    const feedback = feedbackOf(activity);
    if (feedback) return this.onFeedback(dc, feedback);
    const text = typeof activity.text === 'string' ? activity.text : '';
    const action = this.deps.answerer.action(text);
    if (action !== undefined) return this.interrupt(dc, action);
    return this.onMessage(dc, text);
  }

  /** What "help", "stop", "start over" or "menu" do at this step. */
  protected abstract interrupt(dc: DialogContext, action: ConversationAction): Promise<DialogTurnResult>;

  /** A tap on a feedback button (👍, 👎, what was wrong). */
  protected abstract onFeedback(dc: DialogContext, feedback: FeedbackValue): Promise<DialogTurnResult>;

  /** Any other message. */
  protected abstract onMessage(dc: DialogContext, text: string): Promise<DialogTurnResult>;
}
