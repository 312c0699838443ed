import type { Redis } from 'ioredis';
import { MAX_RESULTS, type ResultFramework, type StoredResultView } from '../../protocol/demos/results.ts';
import type { Unavailable } from '../lane-availability.ts';

/** One job whose result is followed: where it is stored and how to read its value there. */
export interface FollowedResult {
  id: string;
  input: number;
  key: string;
  /** Reads the value from the store; undefined while there is none. */
  read(redis: Redis): Promise<unknown>;
}

/**
 * A framework's result store as the demo follows it: the newest few results, each read back from its
 * Redis key with the key's own `PTTL` until the key is gone.
 */
export abstract class ResultStore {
  abstract readonly framework: ResultFramework;
  /** How results are told to expire, shown as code. */
  abstract readonly expiry: string;
  private followed: Array<{ result: FollowedResult; view: StoredResultView }> = [];

  abstract unavailable(): Unavailable | null;
  /** Sends one `cpu(n)` job; resolves with what to follow once the broker has it. */
  protected abstract send(input: number): Promise<FollowedResult>;
  abstract close(): Promise<void>;

  async enqueue(input: number): Promise<string> {
    const result = await this.send(input);
    this.followed.push({ result, view: { id: result.id, input, value: null, key: result.key, ttlMs: null, state: 'pending' } });
    if (this.followed.length > MAX_RESULTS) this.followed.shift();
    return result.id;
  }

  /** Whether a refresh could change anything. */
  watching(): boolean {
    return this.followed.some(({ view }) => view.state !== 'expired');
  }

  /** Reads values and TTLs back from Redis. */
  async refresh(redis: Redis): Promise<void> {
    for (const entry of this.followed) {
      const { result, view } = entry;
      if (view.state === 'expired') continue;
      const ttl = await redis.pttl(result.key);
      // -2: the key does not exist. Before the value arrived that is normal; after it, the result expired.
      if (ttl === -2) {
        if (view.state === 'stored') entry.view = { ...view, state: 'expired', ttlMs: null };
        continue;
      }
      const value = view.state === 'pending' ? await result.read(redis) : undefined;
      entry.view = {
        ...view,
        ttlMs: ttl,
        ...(value !== undefined && { state: 'stored' as const, value: (JSON.stringify(value) ?? 'null').slice(0, 120) }),
      };
    }
  }

  /** `POST /api/reset`: forget the results and stop whatever the framework started for them. */
  async reset(): Promise<void> {
    this.followed = [];
    await this.release();
  }

  protected async release(): Promise<void> {}

  views(): StoredResultView[] {
    return this.followed.map(({ view }) => view);
  }
}
