import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { ConversationAction, Tour, TourStep } from '../src/answering/types.js';
import { tokenize } from '../src/answering/tokenize.js';
import { MESSAGES } from '../src/messages.js';
import type { DialogDeps } from './DialogDeps.js';
import { voteButtons, type FeedbackValue } from './feedback.js';
import { FeedbackTurn } from './FeedbackTurn.js';
import { InterruptibleDialog } from './InterruptibleDialog.js';
import { recordOutcome } from './outcomeTrace.js';
import { QuestionTurn } from './QuestionTurn.js';
import { stepButtons, stepReply, stepTopicId, topicsMenu } from './replies.js';

export interface TourOptions {
  readonly tourId: string;
}

/** What a tour ends with when its saved position no longer exists (tours.yaml changed since). */
export const STALE_TOUR = Object.freeze({ stale: true });

/** Where the user is in a tour; kept in dialog state, so it survives across requests and instances. */
interface TourState {
  tourId: string;
  stepId: string;
  /** True after a question asked mid-tour was answered: the tour waits for "Continue the tour". */
  paused: boolean;
}

/** Words that, once a tour is paused, mean "carry on with it". */
const RESUME_WORDS: ReadonlySet<string> = new Set(
  ['yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'continue', 'resume', 'go on', 'carry on', 'next', 'back to the tour', 'continue tour', 'lets continue', "let's continue", 'yes please'].map(
    (phrase) => tokenize(phrase).join(' '),
  ),
);

/**
 * A guided tour: a walk through one part of the article, step by step, as written in
 * knowledge/tours.yaml. Each step shows its answers with their quotes and offers buttons; typed
 * text that resembles a button counts as that button. A question asked mid-tour is answered and
 * the tour waits, offering to continue where it was; "help", "stop", "start over" and "menu"
 * work at every step (InterruptibleDialog).
 */
export class TourDialog extends InterruptibleDialog<TourOptions> {
  static readonly ID = 'tour';
  private readonly tours: ReadonlyMap<string, Tour>;
  private readonly questions: QuestionTurn;
  private readonly feedback: FeedbackTurn;

  constructor(deps: DialogDeps) {
    super(TourDialog.ID, deps);
    this.tours = new Map(deps.answerer.knowledge.tours.map((t) => [t.id, t]));
    this.questions = new QuestionTurn(deps);
    this.feedback = new FeedbackTurn(deps);
  }

  override async beginDialog(dc: DialogContext, options?: TourOptions): Promise<DialogTurnResult> {
    const tour = this.tours.get(options?.tourId ?? '');
    if (!tour) return dc.endDialog();
    const state: TourState = { tourId: tour.id, stepId: tour.start, paused: false };
    Object.assign(this.stateOf(dc), state);
    await this.show(dc, tour, state, MESSAGES.tourStart(tour.title));
    return Dialog.EndOfTurn;
  }

  /**
   * A conversation saved before tours.yaml changed may point at a tour or step that is gone: the
   * tour then ends quietly and the root dialog handles the message, rather than failing every turn.
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const tour = this.tours.get(state.tourId);
    if (!tour?.steps.some((s) => s.id === state.stepId)) return dc.endDialog(STALE_TOUR);
    return super.continueDialog(dc);
  }

  protected override async interrupt(dc: DialogContext, action: ConversationAction): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const tour = this.tourOf(state);
    const step = this.stepOf(tour, state);
    const { answerer } = this.deps;
    recordOutcome(dc.context, { outcome: 'smalltalk', topicId: action, score: 1 });
    switch (action) {
      case 'help': {
        const position = tour.steps.indexOf(step) + 1;
        const buttons = state.paused ? [MESSAGES.continueTour, MESSAGES.backToTopics] : stepButtons(step);
        await this.deps.send(dc.context, { text: MESSAGES.tourHelp(tour.title, position, tour.steps.length, step.title), buttons });
        return Dialog.EndOfTurn;
      }
      case 'restart':
        Object.assign(state, { stepId: tour.start, paused: false });
        await this.show(dc, tour, state, MESSAGES.tourRestarted(tour.title));
        // show() noted the step as an answer; the turn was a request to start over
        recordOutcome(dc.context, { outcome: 'smalltalk', topicId: action, score: 1 });
        return Dialog.EndOfTurn;
      case 'cancel':
      case 'menu': {
        const text = action === 'cancel' ? MESSAGES.tourStopped : MESSAGES.topicsMenu;
        await this.deps.send(dc.context, topicsMenu(text, answerer));
        return dc.endDialog();
      }
    }
  }

  /** Feedback mid-tour leaves the tour where it was and offers its buttons again; a person ends it. */
  protected override async onFeedback(dc: DialogContext, feedback: FeedbackValue): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const step = this.stepOf(this.tourOf(state), state);
    const resume = state.paused ? [MESSAGES.continueTour, MESSAGES.backToTopics] : stepButtons(step);
    const done = await this.feedback.run(dc.context, feedback, resume);
    return done === 'handoff' ? dc.endDialog() : Dialog.EndOfTurn;
  }

  protected override async onMessage(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const tour = this.tourOf(state);
    const step = this.stepOf(tour, state);
    const { answerer } = this.deps;

    if (state.paused) {
      // read as the answering core reads words (case, punctuation, "let's" and chat shorthand folded)
      if (RESUME_WORDS.has(tokenize(text).join(' ')) || answerer.pickChoice(text, [MESSAGES.continueTour]) === 0) {
        state.paused = false;
        await this.show(dc, tour, state, MESSAGES.tourResume(tour.title, step.title));
        return Dialog.EndOfTurn;
      }
    } else {
      const buttons = stepButtons(step);
      const picked = answerer.pickChoice(text, buttons);
      if (picked !== undefined) return this.follow(dc, tour, state, step, picked);
    }

    const requested = answerer.tourRequest(text);
    if (requested?.id === tour.id) {
      state.paused = false;
      await this.show(dc, tour, state, MESSAGES.tourAgain(tour.title));
      return Dialog.EndOfTurn;
    }
    if (requested) return dc.replaceDialog(TourDialog.ID, { tourId: requested.id });

    // an ordinary question: answer it, then offer to pick the tour up where it was
    const outcome = await this.questions.run(dc.context, text, { prompt: MESSAGES.tourPaused(tour.title), buttons: [MESSAGES.continueTour] });
    if (outcome.kind === 'handoff') return dc.endDialog();
    state.paused = true;
    return Dialog.EndOfTurn;
  }

  /** Goes where the picked button leads: another step, another tour, or back to the topics. */
  private async follow(dc: DialogContext, tour: Tour, state: TourState, step: TourStep, picked: number): Promise<DialogTurnResult> {
    const choice = step.choices[picked];
    if (!choice) {
      // the last button is always "Back to topics"
      return this.interrupt(dc, 'menu');
    }
    if (choice.goto.startsWith('tour:')) return dc.replaceDialog(TourDialog.ID, { tourId: choice.goto.slice('tour:'.length) });
    state.stepId = choice.goto;
    await this.show(dc, tour, state);
    return Dialog.EndOfTurn;
  }

  /** Shows the current step and makes its last answer the topic follow-ups refer to. */
  private async show(dc: DialogContext, tour: Tour, state: TourState, opening?: string): Promise<void> {
    const step = this.stepOf(tour, state);
    const question = typeof dc.context.activity.text === 'string' ? dc.context.activity.text : '';
    await this.deps.send(dc.context, { ...stepReply(step, opening), dataButtons: voteButtons(stepTopicId(tour, step), question) });
    const last = step.entries[step.entries.length - 1];
    if (last) await this.deps.memory.set(dc.context, this.deps.answerer.remember(await this.deps.memory.get(dc.context, {}), last));
    recordOutcome(dc.context, { outcome: 'answer', topicId: step.entries[0]?.id ?? null, score: 1 });
  }

  private stateOf(dc: DialogContext): TourState {
    // botbuilder keeps each dialog's state as a plain object on the dialog stack
    return dc.activeDialog?.state as TourState;
  }

  private tourOf(state: TourState): Tour {
    const tour = this.tours.get(state.tourId);
    if (!tour) throw new Error(`unknown tour "${state.tourId}" in dialog state`);
    return tour;
  }

  private stepOf(tour: Tour, state: TourState): TourStep {
    const step = tour.steps.find((s) => s.id === state.stepId);
    if (!step) throw new Error(`unknown step "${state.stepId}" of tour "${tour.id}" in dialog state`);
    return step;
  }
}
