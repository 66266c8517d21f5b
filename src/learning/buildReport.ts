import type { KnowledgeBase } from '../answering/types.js';
import type { LearningEvent } from './events.js';
import { groupQuestions, type AskedQuestion, type QuestionGroup } from './groupQuestions.js';
import { LEARNING_OPTIONS } from './options.js';
import { exactKey, QuestionKeys } from './questionKey.js';

/** An entry or tour step and what readers thought of it. */
export interface Rated {
  readonly topicId: string;
  readonly title: string;
  readonly down: number;
  readonly up: number;
  /** What was wrong, as picked after a 👎, with counts. */
  readonly reasons: Readonly<Record<string, number>>;
  /** Questions whose answer got a 👎. */
  readonly examples: readonly string[];
}

/** A question a reader asked that, by their own pick, means this entry: a candidate alternate question. */
export interface Suggestion {
  /** Its number in the report, for the editor to refer to. */
  readonly n: number;
  readonly entryId: string;
  readonly file: string;
  readonly question: string;
  /** How many times the question led to a "Did you mean" and then this entry. */
  readonly count: number;
}

export interface Report {
  /** Time of the first and last event, ISO. */
  readonly from: string | null;
  readonly to: string | null;
  readonly totals: Readonly<Record<LearningEvent['type'], number>>;
  /** Questions the bot could not answer (off-topic, no match, low confidence, "Something else" after "Did you mean"). */
  readonly unanswered: readonly QuestionGroup[];
  /** Answered, but unsure: tags are the entries given. */
  readonly lowConfidence: readonly QuestionGroup[];
  /** Questions about things the article is known not to say (not-covered.yaml): tags are the gaps. */
  readonly knownGaps: readonly QuestionGroup[];
  readonly mostDisliked: readonly Rated[];
  readonly suggestions: readonly Suggestion[];
}

/**
 * The review list for the knowledge editor, from the review log. Suggestions come only from
 * "Did you mean" picks: the reader said in one tap which entry their words meant. A 👎 "Not what I
 * asked" says the opposite (the words do NOT mean that entry), so it is shown with the entry's 👎s
 * rather than suggested anywhere.
 */
export function buildReport(events: readonly LearningEvent[], knowledge: KnowledgeBase, options = LEARNING_OPTIONS): Report {
  const keys = new QuestionKeys(knowledge.synonyms);
  const group = (asked: AskedQuestion[]): QuestionGroup[] =>
    groupQuestions(asked, keys, options.groupSimilarity, options.examplesShown).slice(0, options.topShown);
  const gapIds = new Set(knowledge.notCovered.map((t) => t.id));
  const unanswered: AskedQuestion[] = [];
  const gaps: AskedQuestion[] = [];
  const unsure: AskedQuestion[] = [];
  for (const e of events) {
    if (e.type === 'fallback' && e.reason === 'not-covered' && e.topicId !== null && gapIds.has(e.topicId)) gaps.push({ question: e.question, tag: e.topicId });
    else if (e.type === 'fallback') unanswered.push({ question: e.question, tag: e.reason });
    else if (e.type === 'low-confidence') unsure.push({ question: e.question, tag: e.topicId });
  }
  const times = events.map((e) => e.time).sort();
  return {
    from: times[0] ?? null,
    to: times[times.length - 1] ?? null,
    totals: totals(events),
    unanswered: group(unanswered),
    lowConfidence: group(unsure),
    // a known gap is already one topic: its questions are grouped by it, not by their words
    knownGaps: byTag(gaps, options.examplesShown),
    mostDisliked: rated(events, knowledge, options.examplesShown).slice(0, options.topShown),
    suggestions: suggestions(events, knowledge, keys).slice(0, options.topShown),
  };
}

function byTag(asked: readonly AskedQuestion[], examplesShown: number): QuestionGroup[] {
  const tags = [...new Set(asked.map((a) => a.tag))];
  return tags
    .map((tag): QuestionGroup => {
      const counts = new Map<string, number>();
      for (const a of asked) if (a.tag === tag) counts.set(a.question.trim(), (counts.get(a.question.trim()) ?? 0) + 1);
      const [lead, ...rest] = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([q]) => q);
      const count = [...counts.values()].reduce((sum, n) => sum + n, 0);
      return { count, question: lead ?? '', examples: rest.slice(0, examplesShown), tags: { [tag]: count } };
    })
    .sort((a, b) => b.count - a.count);
}

function totals(events: readonly LearningEvent[]): Record<LearningEvent['type'], number> {
  const counts: Record<LearningEvent['type'], number> = {
    'low-confidence': 0,
    fallback: 0,
    clarify: 0,
    'clarify-choice': 0,
    feedback: 0,
    'feedback-reason': 0,
    handoff: 0,
  };
  for (const e of events) counts[e.type]++;
  return counts;
}

function rated(events: readonly LearningEvent[], knowledge: KnowledgeBase, examplesShown: number): Rated[] {
  const byTopic = new Map<string, { down: number; up: number; reasons: Record<string, number>; examples: Set<string> }>();
  const of = (topicId: string): { down: number; up: number; reasons: Record<string, number>; examples: Set<string> } => {
    const found = byTopic.get(topicId) ?? { down: 0, up: 0, reasons: {}, examples: new Set<string>() };
    byTopic.set(topicId, found);
    return found;
  };
  for (const e of events) {
    if (e.type === 'feedback') {
      const r = of(e.topicId);
      if (e.vote === 'up') r.up++;
      else {
        r.down++;
        if (e.question.trim() !== '') r.examples.add(e.question.trim());
      }
    } else if (e.type === 'feedback-reason') {
      const r = of(e.topicId);
      r.reasons[e.reason] = (r.reasons[e.reason] ?? 0) + 1;
    }
  }
  return [...byTopic.entries()]
    .filter(([, r]) => r.down > 0)
    .map(([topicId, r]): Rated => ({ topicId, title: titleOf(topicId, knowledge), down: r.down, up: r.up, reasons: r.reasons, examples: [...r.examples].slice(0, examplesShown) }))
    .sort((a, b) => b.down - a.down || a.up - b.up || a.topicId.localeCompare(b.topicId));
}

/** An entry's title, or a tour step's "Tour title: step title". */
function titleOf(topicId: string, knowledge: KnowledgeBase): string {
  const entry = knowledge.entries.find((e) => e.id === topicId);
  if (entry) return entry.title;
  const [, tourId, stepId] = /^tour:([^/]+)\/(.+)$/.exec(topicId) ?? [];
  const tour = knowledge.tours.find((t) => t.id === tourId);
  const step = tour?.steps.find((s) => s.id === stepId);
  return tour && step ? `${tour.title}: ${step.title}` : topicId;
}

function suggestions(events: readonly LearningEvent[], knowledge: KnowledgeBase, keys: QuestionKeys): Suggestion[] {
  // a question already in the knowledge base (any entry or gap) cannot be added again: the loader refuses duplicates
  const known = new Set([...knowledge.entries, ...knowledge.notCovered].flatMap((item) => item.questions.map(exactKey)));
  const picks = new Map<string, { entryId: string; question: string; count: number }>();
  for (const e of events) {
    if (e.type !== 'clarify-choice' || exactKey(e.question) === '' || known.has(exactKey(e.question))) continue;
    if (!knowledge.entries.some((entry) => entry.id === e.topicId)) continue;
    // the same question in other punctuation or filler is one suggestion
    const id = `${e.topicId} ${[...keys.key(e.question)].sort().join(' ')}`;
    const pick = picks.get(id) ?? { entryId: e.topicId, question: e.question.trim(), count: 0 };
    pick.count++;
    picks.set(id, pick);
  }
  return [...picks.values()]
    .sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId))
    .map((p, i) => ({ n: i + 1, ...p, file: knowledge.entries.find((entry) => entry.id === p.entryId)?.file ?? '' }));
}
