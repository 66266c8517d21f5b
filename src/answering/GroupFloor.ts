import type { RankingNeeds } from './Matcher.js';

/**
 * The lowest score still read in one group: its `perGroup`-th best, or `margin` below its best if
 * that is lower; -Infinity while fewer are known, or when the caller reads every item.
 */
export class GroupFloor {
  private readonly top: number[] = [];

  constructor(private readonly needs: Pick<RankingNeeds<unknown>, 'perGroup' | 'margin'> | undefined) {}

  /** Forgets every score, to be filled again. */
  clear(): void {
    this.top.length = 0;
  }

  add(score: number): void {
    if (!this.needs) return;
    const { top } = this;
    // kept sorted, best first, a new score after the equal ones; by hand, as splice() allocates
    let i = top.length;
    top.push(score);
    while (i > 0 && (top[i - 1] as number) < score) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = score;
    if (top.length > this.needs.perGroup) top.pop();
  }

  /** The best score added, or -Infinity before any. */
  best(): number {
    return this.top[0] ?? Number.NEGATIVE_INFINITY;
  }

  value(): number {
    if (!this.needs || this.top.length < this.needs.perGroup) return Number.NEGATIVE_INFINITY;
    // a hair below the margin, so that rounding never drops an item the caller compares by it
    return Math.min(this.top[this.top.length - 1] as number, (this.top[0] as number) - this.needs.margin - 1e-9);
  }
}
