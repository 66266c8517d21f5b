/**
 * A binary max-heap of item positions ordered by a priority per position, with its storage
 * allocated once and reused by every query: the matcher pops candidates best bound first and stops
 * as soon as the rest cannot matter, so building the heap (linear) and the few pops (logarithmic)
 * replace sorting every candidate.
 */
export class MaxHeap {
  private readonly ids: Int32Array;
  private size = 0;

  /** @param priority read by position; the caller fills it before add() and keeps it unchanged until the heap is empty */
  constructor(
    capacity: number,
    private readonly priority: Float64Array,
  ) {
    this.ids = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.size = 0;
  }

  /** Adds without ordering; call heapify() once after the last add(). */
  add(id: number): void {
    this.ids[this.size] = id;
    this.size += 1;
  }

  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** Priority of the top, or -Infinity when empty. */
  peekPriority(): number {
    return this.size === 0 ? Number.NEGATIVE_INFINITY : this.at(0);
  }

  pop(): number {
    const top = this.ids[0] as number;
    this.size -= 1;
    if (this.size > 0) {
      this.ids[0] = this.ids[this.size] as number;
      this.down(0);
    }
    return top;
  }

  private at(index: number): number {
    return this.priority[this.ids[index] as number] as number;
  }

  private down(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const larger = right < this.size && this.at(right) > this.at(left) ? right : left;
      if (this.at(larger) <= this.at(i)) return;
      const swap = this.ids[i] as number;
      this.ids[i] = this.ids[larger] as number;
      this.ids[larger] = swap;
      i = larger;
    }
  }
}
