const ABSENT: unique symbol = Symbol('absent');

/**
 * Remembers the results of a pure function of one word, up to `capacity` words (the oldest is
 * forgotten first). Messages repeat the same few thousand words, and spelling correction or a
 * typo-tolerant comparison against a vocabulary costs far more than a map look-up; the bound
 * keeps memory flat however many distinct words users type.
 */
export class BoundedCache<V> {
  /** Results that are `undefined` are kept as ABSENT, so that one look-up tells a miss from them. */
  private readonly entries = new Map<string, V | typeof ABSENT>();

  constructor(
    private readonly compute: (key: string) => V,
    private readonly capacity = 10_000,
  ) {}

  get(key: string): V {
    const known = this.entries.get(key);
    if (known !== undefined) return (known === ABSENT ? undefined : known) as V;
    const value = this.compute(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value === undefined ? ABSENT : value);
    return value;
  }
}
