import { STOPWORDS } from './stopwords.js';
import type { TextNormalizer } from './TextNormalizer.js';
import { tokenize } from './tokenize.js';
import type { Tour, TourRequests } from './types.js';

interface TourWords {
  readonly tour: Tour;
  /** Stems of every subject phrase and anchor: the words a request for this tour may use. */
  readonly subject: ReadonlySet<string>;
  readonly anchors: ReadonlySet<string>;
}

/** Words that may pad a tour request without changing it ("please walk me through ... now"). */
const PADDING: ReadonlySet<string> = new Set(['please', 'quickly', 'briefly', 'now', 'again', 'whole', 'entire', 'guide', 'quick']);

/**
 * Recognises a request for a guided tour in the user's own words: "walk me through why Sora
 * closed", "tell me about copilot", or the tour's button ("Tour: The Disney deal"). A request is
 * a request phrase plus words that all belong to one tour's subject, with at least one of its
 * anchor words; "tell me about Sora's revenue" names more than a subject and stays a question.
 */
export class TourDetector {
  private readonly tours: readonly TourWords[];
  private readonly strong: readonly (readonly string[])[];
  private readonly plain: readonly (readonly string[])[];
  /** Each tour's button label as typed words, for an exact match. */
  private readonly buttons: readonly { readonly tour: Tour; readonly typed: string }[];

  constructor(tours: readonly Tour[], requests: TourRequests, private readonly normalizer: TextNormalizer) {
    this.tours = tours.map((tour) => ({
      tour,
      subject: new Set([...tour.subjects, ...tour.anchors].flatMap((p) => [...tokenize(p), ...normalizer.stems(p)])),
      anchors: new Set(tour.anchors.flatMap((a) => [...tokenize(a), ...normalizer.stems(a)])),
    }));
    // longest first, so "tell me more about" wins over "tell me about"
    const phrases = (list: readonly string[]): string[][] => list.map((p) => tokenize(p)).sort((a, b) => b.length - a.length);
    this.strong = phrases(requests.strong);
    this.plain = phrases(requests.plain);
    this.buttons = tours.map((tour) => ({ tour, typed: tokenize(TourDetector.buttonLabel(tour)).join(' ') }));
  }

  /** The label of a tour's button; typing it exactly also starts the tour. */
  static buttonLabel(tour: Tour): string {
    return `Tour: ${tour.title}`;
  }

  match(text: string): Tour | undefined {
    // typos fixed ("disny"), so a misspelt subject still anchors the request
    const { words, surface } = this.normalizer.analyze(text);
    // the words as typed (the analysis's surface is tokenize(text), already worked out)
    const typed = surface.join(' ');
    const byButton = this.buttons.find((button) => button.typed === typed);
    if (byButton) return byButton.tour;
    const strong = this.strip(words, this.strong);
    const request = strong ?? this.strip(words, this.plain);
    if (request === undefined) return undefined;
    const rest = request.filter((w) => !PADDING.has(w));
    const stems = this.normalizer.stems(rest.join(' '));
    const candidates = this.tours.flatMap(({ tour, subject, anchors }) => {
      const anchored = rest.some((w) => anchors.has(w)) || stems.some((s) => anchors.has(s));
      if (!anchored) return [];
      const foreign = stems.filter((s) => !subject.has(s)).length;
      // a strong request ("walk me through") may carry one word of its own; a plain one none
      if (foreign > (strong === undefined ? 0 : 1)) return [];
      return [{ tour, hits: stems.length - foreign }];
    });
    candidates.sort((a, b) => b.hits - a.hits);
    const [best, second] = candidates;
    if (!best || (second && second.hits === best.hits)) return undefined;
    return best.tour;
  }

  /**
   * The message without its strong request phrase ("walk me through", "walkthrough of"), when it
   * has one and something else besides: "a walkthrough of the competition part" asks about the
   * competition even though no tour is about just that, and the request words only blur matching.
   */
  withoutRequest(text: string): string | undefined {
    const { words } = this.normalizer.analyze(text);
    for (const phrase of this.strong) {
      const at = indexOf(words, phrase);
      if (at < 0) continue;
      const rest = [...words.slice(0, at), ...words.slice(at + phrase.length)];
      return rest.some((w) => !STOPWORDS.has(w)) ? rest.join(' ') : undefined;
    }
    return undefined;
  }

  /** The words around the first request phrase found, or undefined when there is none. */
  private strip(words: readonly string[], phrases: readonly (readonly string[])[]): string[] | undefined {
    for (const phrase of phrases) {
      const at = indexOf(words, phrase);
      if (at >= 0) return [...words.slice(0, at), ...words.slice(at + phrase.length)].filter((w) => !STOPWORDS.has(w) || w === 'why');
    }
    return undefined;
  }
}

function indexOf(words: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return -1;
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((p, j) => words[i + j] === p)) return i;
  }
  return -1;
}
