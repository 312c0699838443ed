import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChainingState } from '../../demo-server/src/protocol/demos/chaining.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="chaining"]';

describe('the chaining panel in the deck', () => {
  const deck = useDeckServer(['celery', 'bullmq', 'dramatiq']);
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  const celeryKeys: string[] = [];
  afterAll(async () => {
    if (celeryKeys.length > 0) await redis.del(...celeryKeys);
    redis.disconnect();
  });

  const state = async (): Promise<ChainingState> => (await getJson(`${deck.server.url}/api/demos/chaining`)).state;
  const celeryMeta = async (taskId: string) => {
    celeryKeys.push(`celery-task-meta-${taskId}`);
    const text = await redis.get(`celery-task-meta-${taskId}`);
    return text === null ? null : (JSON.parse(text) as { status: string; result: unknown; date_done: string });
  };
  const bullmqJobs = async (ids: string[]) => {
    const queue = new Queue('chaining', { connection: redis, prefix: deck.server.config.namespace });
    try {
      return await Promise.all(ids.map((id) => Job.fromId(queue, id)));
    } finally {
      await queue.close();
    }
  };

  it('runs fetch -> transform -> store as a Celery chain, a BullMQ flow and a Dramatiq pipeline, each step fed the previous return value', async () => {
    const page = await deck.openSlide('Chaining — live');
    const panel = page.locator(activePanel);
    const row = (framework: string) => panel.locator(`.demo-chain-row[data-framework="${framework}"]`);
    // The server's Celery and Dramatiq workers take a few seconds to announce themselves.
    for (const framework of ['celery', 'dramatiq']) {
      await expect.poll(() => row(framework).getAttribute('data-status'), { timeout: 60_000 }).toBe('idle');
    }

    await panel.getByRole('button', { name: 'Run fetch → transform → store' }).click();

    for (const framework of ['celery', 'bullmq', 'dramatiq']) {
      await expect.poll(() => row(framework).getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
      const details = await row(framework).locator('.demo-chain-step-detail').allTextContents();
      expect(details, framework).toEqual(['[1,2,3]', '[1,4,9]', '{"rows":3,"total":14}']);
    }
    const [celery, , bullmq] = (await state()).columns;

    // Read back from Celery's result backend: every step's value, finished in order.
    const metas = await Promise.all(celery!.steps.map((step) => celeryMeta(step.id)));
    expect(metas.map((meta) => meta?.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(metas.map((meta) => meta?.result)).toEqual([[1, 2, 3], [1, 4, 9], { rows: 3, total: 14 }]);
    const done = metas.map((meta) => Date.parse(`${meta!.date_done}Z`));
    expect(done[0]).toBeLessThan(done[1]!);
    expect(done[1]).toBeLessThan(done[2]!);

    // And from BullMQ: each parent started only after its child finished.
    const jobs = await bullmqJobs(bullmq!.steps.map((step) => step.id));
    expect(jobs.map((job) => job?.returnvalue)).toEqual([[1, 2, 3], [1, 4, 9], { rows: 3, total: 14 }]);
    expect(jobs[1]!.processedOn).toBeGreaterThanOrEqual(jobs[0]!.finishedOn!);
    expect(jobs[2]!.processedOn).toBeGreaterThanOrEqual(jobs[1]!.finishedOn!);
    await page.close();
  }, 120_000);

  it('with the middle step failing, stops there: store never runs on Celery, BullMQ or Dramatiq', async () => {
    const page = await deck.openSlide('Chaining — live');
    const panel = page.locator(activePanel);
    const row = (framework: string) => panel.locator(`.demo-chain-row[data-framework="${framework}"]`);
    const fail = panel.getByRole('button', { name: 'Make the middle step fail' });
    await expect.poll(() => fail.isEnabled(), { timeout: 15_000 }).toBe(true);
    await fail.click();
    expect(await fail.getAttribute('aria-pressed')).toBe('true');
    await panel.getByRole('button', { name: 'Run fetch → transform → store' }).click();

    for (const framework of ['celery', 'bullmq', 'dramatiq']) {
      await expect.poll(() => row(framework).getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
      const states = await row(framework).locator('.demo-chain-step').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-state')));
      expect(states, framework).toEqual(['succeeded', 'failed', framework === 'bullmq' ? 'failed' : 'never']);
    }
    expect(await row('celery').locator('.demo-chain-outcome').textContent()).toContain('store was never sent');
    expect(await row('bullmq').locator('.demo-chain-outcome').textContent()).toContain('failParentOnFailure');
    expect(await row('dramatiq').locator('.demo-chain-outcome').textContent()).toContain('after 2 retries and was dead-lettered (XQ)');
    const [celery, dramatiq, bullmq] = (await state()).columns;
    expect(celery!.steps[1]!.error).toContain('TransformError');
    // Dramatiq retried transform as its actor declares (max_retries=2) before the pipeline gave up.
    expect(dramatiq!.steps[1]).toMatchObject({ retries: 2, error: expect.stringContaining('TransformError') });

    // Celery: store was never sent, so never started (no event), yet Celery wrote transform's exception as
    // store's result too: the chain's last result, the one a caller waits on, says what went wrong.
    expect(celery!.steps[2]).toMatchObject({ state: 'never', startedMs: null });
    for (const step of celery!.steps.slice(1)) {
      expect(await celeryMeta(step.id), step.name).toMatchObject({ status: 'FAILURE', result: { exc_type: 'TransformError' } });
    }
    // BullMQ: store failed because its child did, and its processor never ran: BullMQ 6 hands the parent to a
    // worker, which fails it with the child's failure before processing (no 'active' event, no return value).
    expect(bullmq!.steps[2]).toMatchObject({ state: 'failed', startedMs: null });
    const [, transform, store] = await bullmqJobs(bullmq!.steps.map((step) => step.id));
    expect(transform!.failedReason).toBe('transform failed, as asked');
    expect(store!.failedReason).toMatch(/child .* failed/);
    expect(store!.returnvalue).toBeNull();
    await page.close();
  }, 90_000);
});
