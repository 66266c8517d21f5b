import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MESSAGES } from '../src/messages.js';
import type { DialogDeps } from './DialogDeps.js';
import { feedbackOf } from './feedback.js';
import { FeedbackTurn } from './FeedbackTurn.js';
import { recordOutcome } from './outcomeTrace.js';
import { QuestionTurn } from './QuestionTurn.js';
import { STALE_TOUR, TourDialog } from './TourDialog.js';


/** botbuilder types activity.type as a plain string; its enum value compared as one. */
const MESSAGE: string = ActivityTypes.Message;
/**
 * The conversation's root: it never ends, and routes each message that no tour is waiting for:
 * a request for a guided tour starts one; anything else (questions, follow-ups, small talk,
 * help, the topics menu, a request for a person) goes to the answering core. While a tour runs,
 * the tour gets the message first and handles its own interruptions.
 */
export class RootDialog extends ComponentDialog {
  static readonly ID = 'root';
  private readonly questions: QuestionTurn;
  private readonly feedback: FeedbackTurn;

  constructor(private readonly deps: DialogDeps) {
    super(RootDialog.ID);
    this.addDialog(new TourDialog(deps));
    this.questions = new QuestionTurn(deps);
    this.feedback = new FeedbackTurn(deps);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.route(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (innerDc.activeDialog) {
      const result = await innerDc.continueDialog();
      // a tour whose saved position is gone did not answer: the message is routed afresh
      if (result.status === DialogTurnStatus.complete && result.result === STALE_TOUR) return this.route(innerDc);
      // a finished tour leaves the root waiting for the next message, never ended
      return Dialog.EndOfTurn;
    }
    return this.route(innerDc);
  }

  private async route(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type !== MESSAGE) return Dialog.EndOfTurn;
    // a 👍 / 👎 tap carries data, not a question (a running tour gets it first, in continueDialog)
    const feedback = feedbackOf(activity);
    if (feedback) {
      await this.feedback.run(innerDc.context, feedback);
      return Dialog.EndOfTurn;
    }
    const text = typeof activity.text === 'string' ? activity.text : '';
    if (text.trim() === '' && (activity.attachments?.length ?? 0) > 0) {
      // a picture or file with no words: nothing the article could answer
      await this.deps.send(innerDc.context, { text: MESSAGES.nonText, buttons: [] });
      recordOutcome(innerDc.context, { outcome: 'fallback', topicId: null, score: null });
      return Dialog.EndOfTurn;
    }
    const tour = this.deps.answerer.tourRequest(text);
    if (tour) {
      await innerDc.beginDialog(TourDialog.ID, { tourId: tour.id });
      return Dialog.EndOfTurn;
    }
    await this.questions.run(innerDc.context, text);
    return Dialog.EndOfTurn;
  }
}
