import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { GuardedStorage } from '../../src/storage/GuardedStorage.js';
import { StorageUnavailable } from '../../src/storage/StorageUnavailable.js';

/** A Storage whose calls fail with `error` while `failing` is set (never answering for 'hang'). */
class FlakyStorage implements Storage {
  failing: Error | 'hang' | undefined;
  private readonly memory = new MemoryStorage();

  read(keys: string[]): Promise<StoreItems> {
    return this.gate(() => this.memory.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.gate(() => this.memory.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.gate(() => this.memory.delete(keys));
  }

  private gate<T>(call: () => Promise<T>): Promise<T> {
    if (this.failing === 'hang') return new Promise<T>(() => undefined);
    if (this.failing) return Promise.reject(this.failing);
    return call();
  }
}

function guarded(): { storage: GuardedStorage; built: FlakyStorage[] } {
  const built: FlakyStorage[] = [];
  const storage = new GuardedStorage(() => {
    const inner = new FlakyStorage();
    built.push(inner);
    return inner;
  }, 50);
  return { storage, built };
}

describe('GuardedStorage', () => {
  it('reports a failure as StorageUnavailable and builds a fresh client for the next call', async () => {
    const { storage, built } = guarded();
    await storage.write({ a: { n: 1 } });
    built[0]!.failing = new Error('connect ECONNREFUSED 127.0.0.1:10000');
    await expect(storage.read(['a'])).rejects.toBeInstanceOf(StorageUnavailable);
    expect(await storage.read(['a'])).toEqual({});
    expect(built).toHaveLength(2);
  });

  it('gives up on a call that never answers', async () => {
    const { storage, built } = guarded();
    await storage.read(['a']);
    built[0]!.failing = 'hang';
    await expect(storage.read(['a'])).rejects.toThrow('storage read failed');
  });

  it('passes an eTag conflict through as it is: storage works, someone wrote first', async () => {
    const { storage, built } = guarded();
    await storage.write({ a: { n: 1 } });
    const [{ eTag }] = Object.values(await storage.read(['a'])) as [{ eTag: string }];
    await storage.write({ a: { n: 2, eTag } });
    await expect(storage.write({ a: { n: 3, eTag } })).rejects.toThrow(/eTag conflict/);
    expect(built).toHaveLength(1);
  });
});
