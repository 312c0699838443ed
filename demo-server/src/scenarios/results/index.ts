import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DemoCommandRefused } from '../../errors.ts';
import { commandConnection } from '../../lanes/redis-connection.ts';
import { resultsEnqueueSchema, type ResultFramework, type ResultsState } from '../../protocol/demos/results.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { BullmqResults } from './bullmq-results.ts';
import { CeleryResults } from './celery-results.ts';
import { DramatiqResults } from './dramatiq-results.ts';
import type { ResultStore } from './result-store.ts';

/** How often values and TTLs are read back while a result is followed, ms. */
const REFRESH_MS = 500;

/**
 * Result store, live: `cpu(n)` jobs on Celery, Dramatiq and BullMQ, each result read back from where its
 * framework stores it in Redis, with the key's TTL (`PTTL`) counting down until the key is gone.
 */
export class ResultsScenario implements DemoScenario<'results'> {
  readonly name = 'results' as const;
  readonly commands;
  private readonly stores: ResultStore[];
  private redis: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(private readonly context: DemoContext) {
    this.stores = [new CeleryResults(context), new DramatiqResults(context), new BullmqResults(context)];
    this.commands = { enqueue: demoCommand(resultsEnqueueSchema, (body) => this.enqueue(body.framework)) };
  }

  private async enqueue(framework: ResultFramework | undefined): Promise<Record<string, unknown>> {
    const chosen = this.stores.filter((store) => framework === undefined || store.framework === framework);
    const ready = chosen.filter((store) => store.unavailable() === null);
    if (ready.length === 0) throw new DemoCommandRefused(chosen.map((store) => store.unavailable()?.note).join('; '));
    const input = randomInt(10_000, 100_000);
    const sent = await Promise.allSettled(ready.map((store) => store.enqueue(input)));
    this.follow();
    const ids = Object.fromEntries(sent.flatMap((result, i) => (result.status === 'fulfilled' ? [[ready[i]!.framework, result.value]] : [])));
    const failures = sent.flatMap((result, i) => (result.status === 'rejected' ? [`${ready[i]!.framework}: ${(result.reason as Error).message}`] : []));
    return { input, ids, failures };
  }

  /** Reads the stores twice a second while any result is followed, and stops when every one has expired. */
  private follow(): void {
    this.redis ??= commandConnection(this.context.config.redisUrl, 'demo-results');
    this.timer ??= setInterval(() => void this.refresh(), REFRESH_MS);
  }

  private async refresh(): Promise<void> {
    if (this.refreshing || !this.redis) return;
    this.refreshing = true;
    try {
      await Promise.all(this.stores.map((store) => store.refresh(this.redis!)));
    } catch (error) {
      this.context.logger.warn({ err: error }, 'results: could not read the result stores');
    } finally {
      this.refreshing = false;
    }
    if (!this.stores.some((store) => store.watching())) this.stopFollowing();
  }

  private stopFollowing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  state(): ResultsState {
    return {
      columns: this.stores.map((store) => {
        const unavailable = store.unavailable();
        return {
          framework: store.framework,
          status: unavailable ? 'unavailable' : 'ready',
          note: unavailable?.note.slice(0, 300) ?? null,
          hint: unavailable?.hint?.slice(0, 300) ?? null,
          expiry: store.expiry,
          results: store.views(),
        };
      }),
    };
  }

  async start(): Promise<void> {
    // Connections and the results worker start with the first job: `npm start` stays light.
  }

  async reset(): Promise<void> {
    this.stopFollowing();
    await Promise.allSettled(this.stores.map((store) => store.reset()));
  }

  async stop(): Promise<void> {
    this.stopFollowing();
    await Promise.allSettled(this.stores.map((store) => store.close()));
    this.redis?.disconnect();
  }
}
