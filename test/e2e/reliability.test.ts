import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReliabilityState } from '../../demo-server/src/protocol/demos/reliability.ts';
import { reliabilityNamespace } from '../../demo-server/src/scenarios/reliability/rig-specs.ts';
import { deleteNamespace, purgeAmqpNamespace } from '../support/brokers.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const panelSelector = '.bespoke-marp-active [data-demo="reliability"]';

describe('the reliability panel in the deck', () => {
  // The demo starts workers of its own; the lanes' regular workers are not needed.
  const deck = useDeckServer(['rabbitmq'], { workerConcurrency: 0 });

  afterAll(async () => {
    // The server first (stopping is idempotent): its workers must not see their queues vanish.
    await deck.server.stop();
    const own = reliabilityNamespace(deck.server.config.namespace);
    await Promise.allSettled([deleteNamespace(own), purgeAmqpNamespace(own)]);
  });

  const cell = (panel: Locator, lane: string, row: string) => panel.locator(`.demo-table-cell[data-lane="${lane}"][data-row="${row}"]`).textContent();
  const serverState = async (): Promise<ReliabilityState> => (await getJson(`${deck.server.url}/api/demos/reliability`)).state;

  /** Start, wait until every worker slot is busy, kill, wait for the verdict. */
  async function round(panel: Locator): Promise<ReliabilityState> {
    const start = panel.getByRole('button', { name: /^Start / });
    await expect.poll(() => start.isEnabled(), { timeout: 30_000 }).toBe(true);
    await start.click();
    const kill = panel.getByRole('button', { name: 'Kill the workers mid-task' });
    await expect.poll(() => kill.isEnabled(), { timeout: 60_000 }).toBe(true);
    await kill.click();
    await expect.poll(() => panel.locator('.demo-rel-status').getAttribute('data-phase'), { timeout: 45_000 }).toBe('settled');
    return serverState();
  }

  it('kills every worker mid-task: Celery loses exactly what it was running, acks-late lanes (Dramatiq too) lose nothing; acks_late fixes Celery', async () => {
    const page = await deck.openSlide('Reliability — live');
    const panel = page.locator(panelSelector);

    const first = await round(panel);
    const { concurrency, perLane } = first.jobs;
    expect(await panel.locator('.demo-table-head[data-lane="celery"]').textContent()).toContain('Celery (default)');
    // Celery acked the tasks it was running as they started: those are gone; what it had only prefetched comes back.
    expect(await cell(panel, 'celery', 'runningAtKill')).toBe(String(concurrency));
    expect(await cell(panel, 'celery', 'lost')).toBe(String(concurrency));
    expect(await cell(panel, 'celery', 'completed')).toBe(String(perLane - concurrency));
    // Redelivered counts what the killed worker reported holding (task-received): all of the rest, unless a report was cut off.
    expect(Number(await cell(panel, 'celery', 'redelivered'))).toBeLessThanOrEqual(perLane - concurrency);
    expect(first.lanes.find((lane) => lane.lane === 'celery')!.redelivered).toBeGreaterThan(0);
    for (const lane of ['rabbitmq', 'bullmq', 'dramatiq']) {
      expect(await cell(panel, lane, 'runningAtKill'), lane).toBe(String(concurrency));
      expect(await cell(panel, lane, 'lost'), lane).toBe('0');
      expect(await cell(panel, lane, 'redelivered'), lane).toBe(String(concurrency));
      expect(await cell(panel, lane, 'completed'), lane).toBe(String(perLane));
    }
    expect(await cell(panel, 'rabbitmq', 'worker')).toMatch(/^\d+ → \d+$/);
    expect(await panel.locator('.demo-rel-status').textContent()).toMatch(/^Celery \(default\) lost 4 of 8; /);

    const acksLate = panel.getByRole('button', { name: 'Celery: acks_late' });
    await acksLate.click();
    await expect.poll(() => acksLate.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => panel.locator('.demo-table-head[data-lane="celery"]').textContent()).toContain('Celery + acks_late');

    const second = await round(panel);
    expect(second.celeryAcksLate).toBe(true);
    expect(await cell(panel, 'celery', 'runningAtKill')).toBe(String(concurrency));
    expect(await cell(panel, 'celery', 'lost')).toBe('0');
    expect(await cell(panel, 'celery', 'completed')).toBe(String(perLane));
    // The running tasks came back this time, with the prefetched ones.
    expect(Number(await cell(panel, 'celery', 'redelivered'))).toBeGreaterThanOrEqual(concurrency + 1);
    for (const lane of ['rabbitmq', 'bullmq', 'dramatiq']) expect(await cell(panel, lane, 'lost'), lane).toBe('0');
    // The default's loss stays on screen under the fix's verdict.
    expect(await panel.locator('.demo-rel-previous').textContent()).toMatch(/^Round before: Celery \(default\) lost 4 of 8; /);
    await page.close();
  }, 150_000);
});
