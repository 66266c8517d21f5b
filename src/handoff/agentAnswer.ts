import { Answerer } from '../answering/Answerer.js';
import { sourceText } from '../bot/render.js';
import { MESSAGES } from '../messages.js';

/** "ask: did Disney pay anything?" (any case, colon optional after "ask"). */
const ASK = /^\s*ask\s*:\s*(.*)$/is;

/** The question of an agent's "ask:" message, or undefined when the message is something else. */
export function askedQuestion(text: string): string | undefined {
  return ASK.exec(text)?.[1]?.trim();
}

/**
 * The bot's answer to a question an agent hands it, ready to paste to a customer: the answer, then
 * the article's sentences it rests on with their section. Asked afresh (no conversation memory),
 * so it is what the bot would say to that question on its own; when the article has no answer the
 * agent is told so, and gets the entries that came closest.
 */
export function agentAnswer(answerer: Answerer, question: string): string {
  if (question === '') return MESSAGES.agentAsk.usage;
  const { outcome } = answerer.respond(question, {});
  switch (outcome.kind) {
    case 'answer':
      return `${MESSAGES.agentAsk.answerFor(question)}\n\n${outcome.entry.answer}\n\n${sourceText(outcome.entry.citations)}`;
    case 'clarify':
      return MESSAGES.agentAsk.ambiguous(question, outcome.options.map((o) => Answerer.label(o.entry)));
    case 'fallback':
      return MESSAGES.agentAsk.notCovered(question, outcome.candidates.slice(0, 3).map((c) => Answerer.label(c.entry)));
    case 'smalltalk':
    case 'handoff':
      return MESSAGES.agentAsk.usage;
  }
}
