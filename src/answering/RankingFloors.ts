import { GroupFloor } from './GroupFloor.js';
import type { RankingNeeds } from './Matcher.js';

/** A hair below a score, so that rounding never drops an item that ties with it. */
const TIE = 1e-9;

/**
 * The lowest score still read in each group of a ranking (see RankingNeeds), from the scores known
 * so far; every floor can only rise as scores are added or raised. A group the caller reads only
 * as the first of the whole ranking (`leadOnly`) is read down to its own best, and only where that
 * could be first: not below the best of any other group.
 */
export class RankingFloors {
  private readonly floors: GroupFloor[];

  /** @param leadOnly per group number, 1 where the group is read only as the first of the ranking */
  constructor(
    needs: Pick<RankingNeeds<unknown>, 'perGroup' | 'margin'> | undefined,
    groupCount: number,
    private readonly leadOnly: Uint8Array,
  ) {
    this.floors = Array.from({ length: groupCount }, () => new GroupFloor(needs));
  }

  /** Forgets every score: one instance serves every ranking (it is asked for floors often). */
  clear(): void {
    for (const floor of this.floors) floor.clear();
  }

  add(group: number, score: number): void {
    (this.floors[group] as GroupFloor).add(score);
  }

  value(group: number): number {
    const own = this.floors[group] as GroupFloor;
    if (this.leadOnly[group] !== 1) return own.value();
    let leader = own.best();
    for (const floor of this.floors) leader = Math.max(leader, floor.best());
    return leader - TIE;
  }
}
