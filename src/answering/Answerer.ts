import { ChoiceMatcher } from './ChoiceMatcher.js';
import { FollowUpRanker, type Target } from './FollowUpRanker.js';
import { Matcher, type Matchable, type Scored } from './Matcher.js';
import { DECISION_OPTIONS, MATCHING_OPTIONS, type DecisionOptions, type MatchingOptions } from './options.js';
import { HandoffDetector } from './HandoffDetector.js';
import { SmallTalkDetector } from './SmallTalkDetector.js';
import { SpellCorrector } from './SpellCorrector.js';
import { MORE_REQUESTS, STOPWORDS } from './stopwords.js';
import { SynonymRewriter } from './SynonymRewriter.js';
import { TextNormalizer, type Analysis } from './TextNormalizer.js';
import { tokenize } from './tokenize.js';
import { TourDetector } from './TourDetector.js';
import { vocabulary } from './vocabulary.js';
import { WordFrequency } from './WordFrequency.js';
import type {
  Candidate,
  ConversationAction,
  ConversationMemory,
  FallbackReason,
  FaqEntry,
  KnowledgeBase,
  NotCoveredTopic,
  OfferedChoice,
  Outcome,
  Tour,
} from './types.js';

type ScoredEntry = Scored<FaqEntry>;

export interface Reply {
  readonly outcome: Outcome;
  /** What to remember for the next turn of this conversation. */
  readonly memory: ConversationMemory;
}

/** Label of the clarification option that means "none of these". */
export const SOMETHING_ELSE = 'Something else';
const SOMETHING_ELSE_WORDS = tokenize(SOMETHING_ELSE).join(' ');
/** Ways of saying "none of these" to a "Did you mean". */
const NONE_OF_THESE: ReadonlySet<string> = new Set(
  ['something else', 'none', 'none of these', 'none of them', 'neither', 'neither of them', 'neither of these', 'no', 'nope', 'other', 'something different', 'not those', 'none of those'].map(
    (p) => tokenize(p).join(' '),
  ),
);

/** Fallbacks after which a message that asked for a walk-through is tried again without the request words. */
const RETRY_WITHOUT_REQUEST: ReadonlySet<FallbackReason> = new Set(['no-match', 'off-topic', 'low-confidence']);

/** Up to how many words a message naming only one offered question button counts as a tap ("which apps?"). */
const OFFERED_SHORT_WORDS = 2;

/**
 * The answering core: from one message (and what the conversation remembers) to one outcome:
 * answer, clarify, fallback, small talk or handoff. Knows nothing of Bot Framework.
 */
export class Answerer {
  private readonly matcher: Matcher<Target>;
  private readonly normalizer: TextNormalizer;
  private readonly handoff: HandoffDetector;
  private readonly smallTalk: SmallTalkDetector;
  private readonly byId: ReadonlyMap<string, FaqEntry>;
  private readonly moreRequests: ReadonlySet<string>;
  private readonly followUps: FollowUpRanker;
  private readonly choices: ChoiceMatcher;
  private readonly tours: TourDetector;

  constructor(
    readonly knowledge: KnowledgeBase,
    private readonly decision: DecisionOptions = DECISION_OPTIONS,
    matching: MatchingOptions = MATCHING_OPTIONS,
    english: WordFrequency = WordFrequency.load(),
  ) {
    const synonyms = new SynonymRewriter(knowledge.synonyms);
    const synonymWords = synonyms.words();
    const corrector = new SpellCorrector(vocabulary(knowledge, synonyms), {
      isRealWord: (word) => english.isRealWord(word),
      isDropped: (word) => STOPWORDS.has(word),
      isDeliberate: (word) => synonymWords.has(word),
    });
    this.normalizer = new TextNormalizer(synonyms, corrector);
    // Knowledge text defines what is spelt right; only the typos its authors put in on purpose are fixed.
    const targets: Target[] = [
      ...knowledge.entries.map((entry): Target => ({ kind: 'faq', entry })),
      ...knowledge.notCovered.map((topic): Target => ({ kind: 'gap', topic })),
    ];
    this.matcher = new Matcher(targets, {
      describe,
      normalizer: new TextNormalizer(synonyms, { correct: corrector.knownTypo }),
      options: matching,
      rarity: (word) => english.rarity(word),
      // decide() reads the best few answers and those close to the best, and a known gap only as
      // the top of the ranking (as do the follow-up rankings): it is never a candidate or an option
      needs: { group: (target) => target.kind, perGroup: decision.clarifyOptions, margin: decision.clarifyMargin, leadOnly: ['gap'] },
    });
    this.handoff = new HandoffDetector(knowledge.handoffPatterns, knowledge.handoffWhole);
    this.smallTalk = new SmallTalkDetector(knowledge.smallTalk);
    this.byId = new Map(knowledge.entries.map((entry) => [entry.id, entry]));
    this.moreRequests = new Set(MORE_REQUESTS.map((phrase) => tokenize(phrase).join(' ')));
    this.followUps = new FollowUpRanker({ matcher: this.matcher, normalizer: this.normalizer, english, knowledge, decision, matching });
    this.choices = new ChoiceMatcher(this.normalizer);
    this.tours = new TourDetector(knowledge.tours, knowledge.tourRequests, this.normalizer);
  }

  /** "Cancel", "start over", "menu", "help" in the user's own words (typos forgiven), or undefined. */
  action(text: string): ConversationAction | undefined {
    return this.smallTalk.match(this.normalizer.analyze(text).words)?.intent.action;
  }

  /** The guided tour the message asks for ("walk me through the Disney deal"), or undefined. */
  tourRequest(text: string): Tour | undefined {
    return this.tours.match(text);
  }

  /** Index of the button label the typed text stands for, or undefined. */
  pickChoice(text: string, labels: readonly string[]): number | undefined {
    return this.choices.pick(text, labels);
  }

  /** Memory after showing an entry outside respond() (a tour step): follow-ups refer to it. */
  remember(memory: ConversationMemory, entry: FaqEntry): ConversationMemory {
    return { ...memory, lastTopicId: entry.id, offered: [], pendingClarify: undefined };
  }

  /** The label a button for this entry carries (its canonical question). */
  static label(entry: FaqEntry): string {
    return entry.questions[0] ?? entry.title;
  }

  /** Good first questions, for the welcome message and the help reply. */
  starters(): readonly FaqEntry[] {
    return this.knowledge.starters;
  }

  respond(text: string, memory: ConversationMemory = {}): Reply {
    const reply = this.respondTo(text, memory);
    if (reply.outcome.kind !== 'fallback' || !RETRY_WITHOUT_REQUEST.has(reply.outcome.reason)) return reply;
    // "a walkthrough of the competition part": no tour is about just that, so it is answered as
    // a question about the competition, without the request words that blurred the match
    const rest = this.tours.withoutRequest(text);
    if (rest === undefined) return reply;
    const retried = this.respondTo(rest, memory);
    return retried.outcome.kind === 'answer' || retried.outcome.kind === 'clarify' ? retried : reply;
  }

  private respondTo(text: string, memory: ConversationMemory): Reply {
    const trimmed = text.trim();
    if (trimmed.length === 0) return this.fallback('empty', [], memory);
    if (trimmed.length > this.decision.maxMessageLength) return this.fallback('too-long', [], memory);
    const analysis = this.normalizer.analyze(trimmed);
    if (analysis.surface.join(' ') === SOMETHING_ELSE_WORDS) return this.fallback('declined', [], memory);
    if (this.handoff.matches(analysis.words)) return { outcome: { kind: 'handoff', score: 1 }, memory };
    const smallTalk = this.smallTalk.match(analysis.words);
    if (smallTalk) {
      const reply = smallTalk.intent.replies[Math.floor(Math.random() * smallTalk.intent.replies.length)] ?? '';
      const suggestions = smallTalk.intent.offerStarters ? this.knowledge.starters : [];
      return { outcome: { kind: 'smalltalk', intent: smallTalk.intent, reply, score: smallTalk.score, suggestions }, memory };
    }
    const pending = memory.pendingClarify;
    const settled: ConversationMemory = { ...memory, pendingClarify: undefined };
    if (pending) {
      const chosen = this.clarified(trimmed, analysis, pending.options);
      if (chosen === 'none') return this.fallback('declined', [], settled);
      if (chosen) return this.answer(chosen, 1, [{ entry: chosen, score: 1 }], { ...settled, resolved: { ...memory.resolved, [pending.question]: chosen.id } });
    }
    const known = memory.resolved?.[questionKey(analysis)];
    const remembered = known === undefined ? undefined : this.byId.get(known);
    if (remembered) return this.answer(remembered, 1, [{ entry: remembered, score: 1 }], settled);
    const tapped = this.offeredPick(trimmed, memory.offered);
    if (tapped) return this.answer(tapped, 1, [{ entry: tapped, score: 1 }], settled);
    const previous = memory.lastTopicId === undefined ? undefined : this.byId.get(memory.lastTopicId);
    if (previous && this.asksForMore(analysis)) return this.more(previous, settled);
    const reply = this.decide(this.followUps.rank(analysis, previous), settled);
    if (reply.outcome.kind !== 'clarify') return reply;
    // remembered so the choice answers this question for the rest of the conversation
    const clarifying = { question: questionKey(analysis), options: reply.outcome.options.map((o) => o.entry.id) };
    const offered = reply.outcome.options.map((o): OfferedChoice => ({ label: Answerer.label(o.entry), entryId: o.entry.id }));
    return { outcome: reply.outcome, memory: { ...reply.memory, pendingClarify: clarifying, offered } };
  }

  /** Which "Did you mean" option the reply picks: an entry, "none" (Something else), or undefined for a new question. */
  private clarified(text: string, analysis: Analysis, optionIds: readonly string[]): FaqEntry | 'none' | undefined {
    if (NONE_OF_THESE.has(analysis.surface.join(' '))) return 'none';
    const options = optionIds.map((id) => this.byId.get(id)).filter((e): e is FaqEntry => e !== undefined);
    const index = this.choices.pick(text, [...options.map((e) => Answerer.label(e)), SOMETHING_ELSE]);
    if (index === undefined) return undefined;
    return options[index] ?? 'none';
  }

  /** An entry whose button the text stands for ("and ChatGPT?" under "How much did ChatGPT make?"). */
  private offeredPick(text: string, offered: readonly OfferedChoice[] | undefined): FaqEntry | undefined {
    if (!offered || offered.length === 0) return undefined;
    const index = this.choices.pick(text, offered.map((o) => o.label), OFFERED_SHORT_WORDS);
    const id = index === undefined ? undefined : offered[index]?.entryId;
    return id === undefined ? undefined : this.byId.get(id);
  }

  private decide(ranked: readonly Scored<Target>[], memory: ConversationMemory): Reply {
    const d = this.decision;
    const top = ranked[0];
    const entries: ScoredEntry[] = [];
    for (const r of ranked) if (r.item.kind === 'faq') entries.push({ ...r, item: r.item.entry });
    const candidates = entries.slice(0, d.clarifyOptions).map(toCandidate);
    if (!top) return this.fallback('no-match', [], memory);
    if (top.coverage < d.minCoverage) return this.fallback('off-topic', candidates, memory);
    if (top.item.kind === 'gap') {
      if (top.score >= d.clarifyThreshold) return this.notCovered(top.item.topic, candidates, memory);
      return this.fallback('low-confidence', candidates, memory);
    }
    const [best, ...rest] = entries as [ScoredEntry, ...ScoredEntry[]];
    // Neighbours (one lists the other as related) are no real alternative: the answer offers the
    // other as a follow-up button anyway, so asking "did you mean" between them only slows the user.
    const rivals = rest.filter(
      (r) => best.score - r.score < d.clarifyMargin && r.coverage >= d.minCoverage && !areNeighbours(best.item, r.item),
    );
    if (best.score >= d.answerThreshold && (rivals.length === 0 || best.score >= d.confidentScore)) {
      return this.answer(best.item, best.score, candidates, memory);
    }
    if (best.score >= d.clarifyThreshold) {
      const options = [best, ...rest.filter((r) => r.score >= d.clarifyThreshold)].slice(0, d.clarifyOptions).map(toCandidate);
      // "Did you mean" with a single option would only add a tap before the same answer
      if (options.length === 1) return this.answer(best.item, best.score, candidates, memory);
      return { outcome: { kind: 'clarify', options, score: clamp(best.score) }, memory };
    }
    return this.fallback('low-confidence', candidates, memory);
  }

  private notCovered(topic: NotCoveredTopic, candidates: readonly Candidate[], memory: ConversationMemory): Reply {
    const see = topic.see === undefined ? undefined : this.byId.get(topic.see);
    const suggestions = see ? [see, ...this.related(see)].slice(0, this.decision.relatedShown) : this.defaultSuggestions();
    return { outcome: { kind: 'fallback', reason: 'not-covered', notCovered: topic, suggestions, candidates }, memory };
  }

  /** "Tell me more", "go on", "what else": no subject of its own, only a wish to continue. */
  private asksForMore(analysis: Analysis): boolean {
    return this.moreRequests.has(analysis.surface.join(' '));
  }

  /** "Tell me more": the first related entry of the last answer. */
  private more(previous: FaqEntry, memory: ConversationMemory): Reply {
    const next = this.related(previous)[0];
    if (!next) return this.fallback('no-match', [], memory);
    return this.answer(next, 1, [{ entry: next, score: 1 }], memory);
  }

  /** Answers with an entry and remembers it as the topic follow-ups refer to. */
  private answer(entry: FaqEntry, score: number, candidates: readonly Candidate[], memory: ConversationMemory): Reply {
    const related = this.related(entry);
    return {
      outcome: { kind: 'answer', entry, score: clamp(score), related, candidates },
      memory: { ...memory, lastTopicId: entry.id, offered: related.map((e) => ({ label: Answerer.label(e), entryId: e.id })) },
    };
  }

  private related(entry: FaqEntry): FaqEntry[] {
    return entry.related
      .map((id) => this.byId.get(id))
      .filter((e): e is FaqEntry => e !== undefined)
      .slice(0, this.decision.relatedShown);
  }

  private fallback(reason: FallbackReason, candidates: readonly Candidate[], memory: ConversationMemory): Reply {
    const nearMisses = candidates.filter((c) => c.score >= this.decision.clarifyThreshold / 2).map((c) => c.entry);
    const suggestions = nearMisses.length > 0 ? nearMisses.slice(0, this.decision.relatedShown) : this.defaultSuggestions();
    return { outcome: { kind: 'fallback', reason, suggestions, candidates }, memory };
  }

  private defaultSuggestions(): FaqEntry[] {
    return this.knowledge.starters.slice(0, this.decision.relatedShown);
  }
}

function describe(target: Target): Matchable {
  if (target.kind === 'gap') {
    // the subject ("what Copilot costs") is indexed like a question: it names the gap well
    return { title: target.topic.subject, questions: target.topic.questions, keywords: [], body: [], followable: false };
  }
  const { entry } = target;
  return {
    title: entry.title,
    questions: entry.questions,
    keywords: entry.keywords,
    body: [entry.answer, ...entry.citations.map((c) => c.quote)],
    followable: true,
  };
}

/** A question reduced to its content words in a fixed order: how a settled "Did you mean" is looked up. */
function questionKey(analysis: Analysis): string {
  return [...new Set(analysis.terms.map((t) => t.stem))].sort().join(' ');
}

function areNeighbours(a: FaqEntry, b: FaqEntry): boolean {
  return a.related.includes(b.id) || b.related.includes(a.id);
}

function toCandidate(scored: ScoredEntry): Candidate {
  return { entry: scored.item, score: clamp(scored.score) };
}

function clamp(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
