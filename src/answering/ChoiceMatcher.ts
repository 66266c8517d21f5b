import { BoundedCache } from './BoundedCache.js';
import type { TextNormalizer } from './TextNormalizer.js';
import { tokenize } from './tokenize.js';

/** "the second one", "2", "option 3", "last": a pick by position among the buttons. */
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 0], ['1', 0], ['1st', 0],
  ['second', 1], ['2', 1], ['2nd', 1],
  ['third', 2], ['3', 2], ['3rd', 2],
  ['fourth', 3], ['4', 3], ['4th', 3],
  ['fifth', 4], ['5', 4], ['5th', 4],
  ['sixth', 5], ['6', 5], ['6th', 5],
  ['last', -1],
]);
const ORDINAL_FILLER: ReadonlySet<string> = new Set(['the', 'one', 'option', 'number', 'no', 'choice', 'button', 'please', 'pick', 'take', 'want', 'i', 'will', 'go', 'with', 'for']);
/** A message this short that names words of exactly one tour button is taken as that button ("the IPO", "next"). */
export const SHORT_MESSAGE_WORDS = 4;

/**
 * Decides whether typed text stands for one of the buttons on screen, so typing "next", "the IPO",
 * "does it need internet?" or "the second one" works like tapping. Conservative by design: a match
 * needs every content word of the message to be on one button (and either half of that button's
 * words or a short message naming only that button); anything less is left to the question matcher.
 */
export class ChoiceMatcher {
  /** Button labels come from the knowledge files: each is read once. */
  private readonly labels = new BoundedCache<{ readonly typed: string; readonly stems: ReadonlySet<string> }>((label) => ({
    typed: tokenize(label).join(' '),
    stems: new Set(this.normalizer.stems(label)),
  }));

  constructor(private readonly normalizer: TextNormalizer) {}

  /**
   * Index of the button the text stands for, or undefined.
   * @param shortWords up to how many words a message naming words of only one button counts as
   *   that button ("next", "the IPO"). Four suits tour buttons; question buttons want fewer, since
   *   "what did he say?" is a follow-up about the last answer rather than the one button with "say"
   *   on it, while "which apps?" under "Which apps does Copilot work with?" is that button.
   */
  pick(text: string, labels: readonly string[], shortWords = SHORT_MESSAGE_WORDS): number | undefined {
    const surface = tokenize(text);
    if (surface.length === 0 || labels.length === 0) return undefined;
    const typed = surface.join(' ');
    const exact = labels.findIndex((label) => this.labels.get(label).typed === typed);
    if (exact >= 0) return exact;
    const ordinal = byPosition(surface, labels.length);
    if (ordinal !== undefined) return ordinal;

    const terms = new Set(this.normalizer.stems(text));
    if (terms.size === 0) return undefined;
    const holding = labels
      .map((label, index) => ({ index, stems: this.labels.get(label).stems }))
      .filter(({ stems }) => [...terms].every((t) => stems.has(t)));
    if (holding.length === 1) {
      const [only] = holding as [{ index: number; stems: ReadonlySet<string> }];
      const recall = terms.size / Math.max(1, only.stems.size);
      if (recall >= 0.5 || surface.length <= shortWords) return only.index;
      return undefined;
    }
    // several buttons hold the words: only one that is made of nothing else is meant
    const whole = holding.filter(({ stems }) => stems.size === terms.size);
    return whole.length === 1 ? whole[0]?.index : undefined;
  }
}

function byPosition(surface: readonly string[], count: number): number | undefined {
  const words = surface.filter((w) => !ORDINAL_FILLER.has(w));
  if (words.length !== 1) return undefined;
  const position = ORDINALS.get(words[0] ?? '');
  if (position === undefined) return undefined;
  const index = position < 0 ? count - 1 : position;
  return index < count ? index : undefined;
}
