import { connect } from 'amqplib';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { amqpNames } from '../../demo-server/src/lanes/amqp-topology.ts';
import { bullmqNames } from '../../demo-server/src/lanes/bullmq-names.ts';
import { celeryResultKey } from '../../demo-server/src/lanes/celery-topology.ts';
import { dramatiqNames } from '../../demo-server/src/lanes/dramatiq-message.ts';
import type { RetriesState } from '../../demo-server/src/protocol/demos/retries.ts';
import { retriesNamespace } from '../../demo-server/src/scenarios/retries/retry-specs.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../support/brokers.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const panelSelector = '.bespoke-marp-active [data-demo="retries"]';
/**
 * How much a start's stamp may lag the start, ms. Celery's task-started is stamped by the worker's main
 * process when it hears that the pool took the task; a flaky task may have failed and begun its retry
 * countdown in the pool by then (measured here: up to ~45 ms). The others stamp the start itself.
 */
const stampSlackMs = (lane: string) => (lane === 'celery' ? 100 : 2);

/** What the broker itself holds as failed for good, per lane. */
async function brokerDeadLetters(namespace: string, celeryIds: readonly string[]): Promise<Record<string, number>> {
  const own = retriesNamespace(namespace);
  const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
  const redis = new Redis('redis://127.0.0.1:6379');
  const { prefix, queue: name } = bullmqNames(own);
  const queue = new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  try {
    const channel = await connection.createChannel();
    const { messageCount } = await channel.checkQueue(amqpNames(own).dead);
    // Dramatiq dead-letters a message that failed for good into its queue's XQ.
    const { messageCount: dramatiqDead } = await channel.checkQueue(dramatiqNames(own).dead);
    const stored = await Promise.all(celeryIds.map((id) => redis.get(celeryResultKey(id))));
    const celeryFailures = stored.filter((text) => text !== null && JSON.parse(text).status === 'FAILURE').length;
    return { rabbitmq: messageCount, bullmq: await queue.getFailedCount(), celery: celeryFailures, dramatiq: dramatiqDead };
  } finally {
    await queue.close();
    redis.disconnect();
    await connection.close();
  }
}

describe('the retries panel in the deck', () => {
  const deck = useDeckServer(['rabbitmq'], { workerConcurrency: 0 });

  afterAll(async () => {
    await deck.server.stop();
    const own = retriesNamespace(deck.server.config.namespace);
    await Promise.allSettled([deleteNamespace(own), purgeAmqpNamespace(own)]);
  });

  const total = (panel: Locator, lane: string, key: string) =>
    panel.locator(`.demo-retry-total-value[data-lane="${lane}"][data-total="${key}"]`).textContent();

  it('retries 90% flaky jobs with each policy: every job ends, attempts keep the backoff, dead letters match the brokers', async () => {
    const page = await deck.openSlide('Retries — live');
    const panel = page.locator(panelSelector);
    const run = panel.getByRole('button', { name: 'Fail 90%' });
    await expect.poll(() => run.isEnabled(), { timeout: 20_000 }).toBe(true);
    await run.click();
    await expect.poll(() => panel.locator('.demo-retry-status').getAttribute('data-done'), { timeout: 60_000 }).toBe('true');

    const state: RetriesState = (await getJson(`${deck.server.url}/api/demos/retries`)).state;
    expect(state.failRate).toBe(0.9);
    const counted = state.lanes.filter((lane) => lane.status === 'done');
    expect(counted.map((lane) => lane.lane).sort()).toEqual(['bullmq', 'celery', 'dramatiq', 'rabbitmq']);
    for (const lane of counted) {
      const cards = panel.locator(`.demo-retry-card[data-lane="${lane.lane}"]`);
      const succeeded = Number(await total(panel, lane.lane, 'firstTry')) + Number(await total(panel, lane.lane, 'afterRetries'));
      const dead = Number(await total(panel, lane.lane, 'deadLettered'));
      expect(succeeded + dead, lane.lane).toBe(lane.sent);
      expect(lane.sent, lane.lane).toBe(12);
      // Every row on the timeline: attempts no closer than the policy's backoff, none beyond its attempts.
      const rows = await cards.locator('[data-attempts]').evaluateAll((gs) => gs.map((g) => ({
        attempts: (g.getAttribute('data-attempts') ?? '').split(',').map(Number),
        final: g.getAttribute('data-final'),
      })));
      expect(rows, lane.lane).toHaveLength(12);
      expect(rows.filter((row) => row.final === 'failed'), lane.lane).toHaveLength(dead);
      for (const { attempts, final } of rows) {
        expect(attempts.length, lane.lane).toBeLessThanOrEqual(lane.maxAttempts);
        if (final === 'failed') expect(attempts, lane.lane).toHaveLength(lane.maxAttempts);
        for (let i = 1; i < attempts.length; i++) {
          const gap = attempts[i]! - attempts[i - 1]!;
          expect(gap, `${lane.lane} retry ${i}`).toBeGreaterThanOrEqual(lane.backoffMs[i - 1]! - stampSlackMs(lane.lane));
        }
      }
    }
    // At 90%, most jobs fail for good somewhere: the dead-letter path itself is exercised.
    expect(counted.reduce((sum, lane) => sum + lane.deadLettered, 0)).toBeGreaterThan(0);

    const celeryIds = state.lanes.find((lane) => lane.lane === 'celery')!.jobs.map((job) => job.id);
    const broker = await brokerDeadLetters(deck.server.config.namespace, celeryIds);
    for (const lane of ['rabbitmq', 'bullmq', 'celery', 'dramatiq'] as const) {
      expect(broker[lane], `${lane}: the broker's count of jobs failed for good`).toBe(state.lanes.find((l) => l.lane === lane)!.deadLettered);
    }
    await page.close();
  }, 120_000);
});
