/**
 * Remembers the results of a pure function of one word, up to `capacity` words (the oldest is
 * forgotten first). Messages repeat the same few thousand words, and spelling correction or a
 * typo-tolerant comparison against a vocabulary costs far more than a map look-up; the bound
 * keeps memory flat however many distinct words users type.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly compute: (key: string) => V,
    private readonly capacity = 10_000,
  ) {}

  get(key: string): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = this.compute(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }
}
