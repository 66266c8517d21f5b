import { BoundedCache } from './BoundedCache.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize } from './tokenize.js';
import type { SmallTalkIntent } from './types.js';
import { looselySimilarWord as similarWord } from './wordMatch.js';

export interface SmallTalkMatch {
  readonly intent: SmallTalkIntent;
  readonly score: number;
}

/** Words that soften or pad small talk without changing it ("thanks SO MUCH", "hi THERE"). */
const SMALL_TALK_PADDING = new Set([
  'so', 'very', 'much', 'really', 'a', 'lot', 'bunch', 'ton', 'tons', 'loads', 'just', 'please', 'today', 'again',
  'there', 'then', 'all', 'oh', 'um', 'hmm', 'and', 'you', 'for', 'the', 'bot', 'everyone', 'guys', 'mate', 'friend',
  'buddy', 'dear', 'smart', 'clever', 'nice', 'great', 'help', 'assistance', 'information', 'info', 'answer', 'answers',
  'useful', 'helpful', 'quick', 'kind', 'one', 'sir', 'madam',
]);

/**
 * Small talk is recognised only when the whole message is small talk: every content word of the
 * message is a small-talk word, and either the message is (nearly) one pattern (`minSimilarity`
 * of words in common, over the longer of the two) or it holds whole patterns and padding only
 * ("nice, cheers", "thx so much"). So a question that merely starts with "hi", or "how does
 * Midjourney work" (close to "how does this work"), is left to the matcher.
 */
export class SmallTalkDetector {
  private readonly patterns: readonly { intent: SmallTalkIntent; words: readonly string[] }[];
  private readonly vocabulary: readonly string[];
  /** The small-talk words each message word resembles (typos forgiven), worked out once per word. */
  private readonly resembled = new BoundedCache<ReadonlySet<string>>(
    (word) => new Set(this.vocabulary.filter((v) => similarWord(word, v))),
  );

  constructor(
    intents: readonly SmallTalkIntent[],
    private readonly minSimilarity = 0.75,
  ) {
    // a pattern of single letters only ("k") tokenizes to nothing and would match anything
    this.patterns = intents
      .flatMap((intent) => intent.patterns.map((p) => ({ intent, words: tokenize(p) })))
      .filter((pattern) => pattern.words.length > 0);
    this.vocabulary = [...new Set(this.patterns.flatMap((p) => p.words))];
  }

  match(surface: readonly string[]): SmallTalkMatch | undefined {
    if (surface.length === 0) return undefined;
    const foreign = surface.some((w) => !STOPWORDS.has(w) && !SMALL_TALK_PADDING.has(w) && this.resembled.get(w).size === 0);
    if (foreign) return undefined;
    let best: SmallTalkMatch | undefined;
    const unpadded = surface.filter((w) => !SMALL_TALK_PADDING.has(w) && !STOPWORDS.has(w));
    const said = this.said(surface);
    for (const { intent, words } of this.patterns) {
      const shared = said.size === 0 ? 0 : words.filter((p) => said.has(p)).length;
      const whole = shared / Math.max(words.length, surface.length);
      // a whole pattern inside a message made of patterns and padding only
      const contained = shared === words.length ? shared / Math.max(1, unpadded.length) : 0;
      const score = Math.max(whole, Math.min(1, contained));
      if (score >= this.minSimilarity && (!best || score > best.score)) best = { intent, score };
    }
    if (best) return best;
    return this.composed(unpadded);
  }

  /** The small-talk words that some of the words resemble: looked up once for every pattern. */
  private said(words: readonly string[]): Set<string> {
    const said = new Set<string>();
    for (const w of words) for (const v of this.resembled.get(w)) said.add(v);
    return said;
  }

  /** looselySimilarWord(word, vocabularyWord), from the per-word cache. */
  private similar(word: string, vocabularyWord: string): boolean {
    return this.resembled.get(word).has(vocabularyWord);
  }

  /** "nice, cheers": two patterns side by side count as small talk of the longer one's intent. */
  private composed(words: readonly string[]): SmallTalkMatch | undefined {
    if (words.length === 0) return undefined;
    const said = this.said(words);
    const covering = this.patterns.filter((p) => p.words.every((pw) => said.has(pw)));
    const covered = new Set(covering.flatMap((p) => p.words));
    if (covering.length === 0 || !words.every((w) => [...covered].some((c) => this.similar(w, c)))) return undefined;
    const longest = covering.reduce((a, b) => (b.words.length > a.words.length ? b : a));
    return { intent: longest.intent, score: this.minSimilarity };
  }
}
