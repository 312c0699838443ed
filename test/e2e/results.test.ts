import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { burnCpu } from '../../demo-server/src/jobs/run-job.ts';
import type { ResultsState } from '../../demo-server/src/protocol/demos/results.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="results"]';
const ttlSeconds = (text: string | null) => Number(/^TTL (\d+\.\d) s$/.exec(text ?? '')?.[1] ?? NaN);

describe('the result store panel in the deck', () => {
  const deck = useDeckServer(['celery', 'bullmq', 'dramatiq']);
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  const celeryKeys: string[] = [];
  afterAll(async () => {
    if (celeryKeys.length > 0) await redis.del(...celeryKeys);
    redis.disconnect();
  });

  it("shows each framework's stored value as read from Redis, with Celery's TTL counting down and BullMQ's absent", async () => {
    const page = await deck.openSlide('Result store — live');
    const panel = page.locator(activePanel);
    const column = (framework: string) => panel.locator(`.demo-res-column[data-framework="${framework}"]`);
    const run = panel.getByRole('button', { name: 'Run cpu(n) on each' });
    // Live (the recorded run shows until the socket is up), with the server's Celery worker announced.
    await expect.poll(() => run.isEnabled(), { timeout: 15_000 }).toBe(true);
    for (const framework of ['celery', 'dramatiq']) {
      await expect.poll(() => column(framework).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    }
    expect(await column('celery').locator('.demo-res-expiry').textContent()).toBe('result_expires=60');
    expect(await column('dramatiq').locator('.demo-res-expiry').textContent()).toBe('result_ttl=60000');

    await run.click();

    // The results demo starts a Celery worker of its own (result_expires=60) on the first job.
    const columns = async () => (await getJson(`${deck.server.url}/api/demos/results`)).state.columns as ResultsState['columns'];
    await expect.poll(async () => (await columns())[0]!.results[0]?.state, { timeout: 45_000 }).toBe('stored');
    await expect.poll(async () => (await columns())[2]!.results[0]?.state, { timeout: 15_000 }).toBe('stored');
    await expect.poll(async () => (await columns())[1]!.results[0]?.state, { timeout: 15_000 }).toBe('stored');
    const [celery, dramatiq, bullmq] = await columns();
    const celeryCard = column('celery').locator(`.demo-res-card[data-id="${celery!.results[0]!.id}"]`);
    const bullmqCard = column('bullmq').locator(`.demo-res-card[data-id="${bullmq!.results[0]!.id}"]`);
    await expect.poll(() => celeryCard.getAttribute('data-state')).toBe('stored');
    await expect.poll(() => bullmqCard.getAttribute('data-state')).toBe('no-ttl');
    const input = celery!.results[0]!.input;
    const expected = burnCpu(input);
    expect(bullmq!.results[0]!.input).toBe(input);
    expect(await celeryCard.locator('.demo-res-call').textContent()).toBe(`cpu(${input})`);

    // The value on the slide is the one in each store.
    const celeryKey = `celery-task-meta-${celery!.results[0]!.id}`;
    celeryKeys.push(celeryKey);
    expect(await celeryCard.locator('.demo-res-key').textContent()).toBe(celeryKey);
    expect(JSON.parse((await redis.get(celeryKey))!)).toMatchObject({ status: 'SUCCESS', result: expected });
    expect(await celeryCard.locator('.demo-res-value').textContent()).toBe(String(expected));
    const jobKey = `${deck.server.config.namespace}:results:${bullmq!.results[0]!.id}`;
    expect(await bullmqCard.locator('.demo-res-key').textContent()).toBe(jobKey);
    expect(await redis.hget(jobKey, 'returnvalue')).toBe(String(expected));
    expect(await bullmqCard.locator('.demo-res-value').textContent()).toBe(String(expected));
    // Dramatiq's Results middleware stored the same value under its own key, expiring after result_ttl.
    const dramatiqCard = column('dramatiq').locator(`.demo-res-card[data-id="${dramatiq!.results[0]!.id}"]`);
    expect(dramatiq!.results[0]!.input).toBe(input);
    expect(await dramatiqCard.locator('.demo-res-value').textContent()).toBe(String(expected));
    expect(await redis.pttl(dramatiq!.results[0]!.key)).toBeGreaterThan(0);
    const dramatiqTtl = ttlSeconds(await dramatiqCard.locator('.demo-res-ttl').textContent());
    expect(dramatiqTtl).toBeGreaterThan(40);
    expect(dramatiqTtl).toBeLessThanOrEqual(60);

    // Celery's key expires (PTTL counting down from 60 s); BullMQ's job has no expiry at all.
    const first = ttlSeconds(await celeryCard.locator('.demo-res-ttl').textContent());
    expect(first).toBeGreaterThan(40);
    expect(first).toBeLessThanOrEqual(60);
    await expect.poll(async () => ttlSeconds(await celeryCard.locator('.demo-res-ttl').textContent()), { timeout: 5_000 }).toBeLessThan(first - 1);
    expect(await redis.pttl(celeryKey)).toBeGreaterThan(0);
    expect(await bullmqCard.locator('.demo-res-ttl').textContent()).toBe('PTTL −1: no expiry');
    expect(await redis.pttl(jobKey)).toBe(-1);
    await page.close();
  }, 120_000);
});
