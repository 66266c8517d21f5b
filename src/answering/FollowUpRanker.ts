import type { Matcher, Scored } from './Matcher.js';
import type { DecisionOptions, MatchingOptions } from './options.js';
import { FOLLOW_UP_MARKERS } from './stopwords.js';
import type { Analysis, Term, TextNormalizer } from './TextNormalizer.js';
import type { FaqEntry, KnowledgeBase, NotCoveredTopic } from './types.js';
import type { WordFrequency } from './WordFrequency.js';

/** What the matcher ranks: an FAQ entry, or a known gap of the article. */
export type Target = { readonly kind: 'faq'; readonly entry: FaqEntry } | { readonly kind: 'gap'; readonly topic: NotCoveredTopic };

/** English rarity (0..1) from which a keyword counts as naming a topic. */
const ANCHOR_RARITY = 0.75;

/** Bare question words: "when?" or "who?" after an answer asks about that answer. */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['when', 'who', 'where', 'why', 'how', 'what', 'which']);

export interface FollowUpRankerSettings {
  readonly matcher: Matcher<Target>;
  readonly normalizer: TextNormalizer;
  readonly english: WordFrequency;
  readonly knowledge: KnowledgeBase;
  readonly decision: Pick<DecisionOptions, 'answerThreshold'>;
  readonly matching: Pick<MatchingOptions, 'followUpBonus' | 'contextBonus' | 'pointBackBonus'>;
}

/**
 * Ranks a message in the light of the previous answer. A message that names no topic of its own
 * ("which characters were included?", "and ChatGPT?", "does it need wifi?") leans on the previous
 * subject, one that points back ("where does he work?") is looked for among the entries sharing
 * it, and one with no content words at all ("when?") is taken to be about it.
 */
export class FollowUpRanker {
  /** Stems of names and rare subject words ("disney", "copilot"): a message with one names its topic. */
  private readonly anchors: ReadonlySet<string>;
  /** Each entry's keywords as terms, analysed once rather than on every follow-up. */
  private readonly subjects: ReadonlyMap<string, readonly Term[]>;

  constructor(private readonly settings: FollowUpRankerSettings) {
    const { knowledge, normalizer, english } = settings;
    this.subjects = new Map(knowledge.entries.map((entry) => [entry.id, entry.keywords.flatMap((k) => normalizer.analyze(k).terms)]));
    this.anchors = new Set(
      [...this.subjects.values()]
        .flat()
        .filter((term) => english.rarity(term.word) >= ANCHOR_RARITY)
        .map((term) => term.stem),
    );
  }

  rank(analysis: Analysis, previous: FaqEntry | undefined): Scored<Target>[] {
    const { matcher } = this.settings;
    const query = matcher.weigh(analysis.terms);
    if (!previous) return matcher.rank(query);
    const leaning = this.lean(analysis, query, previous);
    return this.gapFirst(query, leaning) ?? leaning;
  }

  /**
   * A question the article is known not to answer ("how many users did it have?") stays
   * unanswered after an answer too: the previous subject's pull must not turn it into that answer
   * again. When the message on its own clearly matches a known gap, and holds words ("users") that
   * the entry the context favours does not contain, the gap wins. A follow-up whose words the
   * favoured entry does contain ("how much was it worth?" after the Disney deal) keeps leaning.
   */
  private gapFirst(query: ReturnType<Matcher<Target>['weigh']>, leaning: readonly Scored<Target>[]): Scored<Target>[] | undefined {
    const { matcher, decision } = this.settings;
    const alone = matcher.rank(query);
    const gap = alone[0];
    if (gap?.item.kind !== 'gap' || gap.score < decision.answerThreshold) return undefined;
    const favoured = leaning[0];
    if (!favoured || favoured.item.kind === 'gap') return undefined;
    // what the message alone covers of the favoured entry (0 when it holds none of its words)
    const favouredCoverage = matcher.coverage(query, favoured.item);
    return favouredCoverage < gap.coverage ? alone : undefined;
  }

  private lean(analysis: Analysis, query: ReturnType<Matcher<Target>['weigh']>, previous: FaqEntry): Scored<Target>[] {
    const { matcher, matching, decision } = this.settings;
    const subject = matcher.weigh(this.subjects.get(previous.id) ?? []);
    const pointsBack = analysis.surface.some((w) => FOLLOW_UP_MARKERS.has(w) || QUESTION_WORDS.has(w));
    if (query.length === 0) return pointsBack ? matcher.rank(subject) : [];
    const namesTopic = query.some((term) => this.anchors.has(term.stem));
    if (pointsBack && !namesTopic) {
      const leaning = matcher.rank(query, { terms: subject, bonus: matching.pointBackBonus, standsInForTopic: true, restrictToSubject: true });
      const best = leaning[0];
      if (best && best.score >= decision.answerThreshold) return leaning;
    }
    const elliptical = pointsBack || query.length <= 1 || !namesTopic;
    const bonus = elliptical ? matching.followUpBonus : matching.contextBonus;
    return matcher.rank(query, { terms: subject, bonus, standsInForTopic: !namesTopic });
  }
}
