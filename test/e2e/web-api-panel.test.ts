import { describe, expect, it } from 'vitest';
import type { WebApiRequest, WebApiState } from '../../demo-server/src/protocol/index.ts';
import { useDeckServer } from '../support/deck-fixture.ts';
import { getJson } from '../support/demo-server.ts';

const activePanel = '.bespoke-marp-active [data-demo="web-api"]';
const EMAIL_MS = 1_500;

describe('the web-API panel in the deck', () => {
  const deck = useDeckServer(['rabbitmq']);
  const round = async () => ((await getJson(`${deck.server.url}/api/demos/web-api`)).state as WebApiState).round;
  const answerMs = (t: WebApiRequest) => t.answeredMs! - t.sentMs;

  it('answers the background signup in milliseconds and the synchronous one after the email; 20 at once queue up only in the request', async () => {
    const page = await deck.openSlide('Use case: web API');
    const panel = page.locator(activePanel);
    const one = panel.getByRole('button', { name: '1 request each' });
    await expect.poll(() => one.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByRole('button', { name: 'RabbitMQ' }).getAttribute('aria-pressed')).toBe('true');
    // A lane this server lacks says so before anyone fires at it.
    await panel.getByRole('button', { name: 'Celery' }).click();
    await expect.poll(() => panel.locator('.demo-problem').textContent()).toBe('celery: not on this demo server.');
    await panel.getByRole('button', { name: 'RabbitMQ' }).click();
    await expect.poll(() => panel.locator('.demo-problem').textContent()).toBe('');

    await one.click();
    const first = await expect.poll(round, { timeout: 20_000 }).toMatchObject({ done: true, requests: 1 }).then(round);
    const [background, inRequest] = (['async', 'sync'] as const).map((v) => first!.timelines.find((t) => t.variant === v)!);
    expect(answerMs(background!)).toBeLessThan(EMAIL_MS / 3);
    expect(answerMs(inRequest!)).toBeGreaterThanOrEqual(EMAIL_MS);
    // The background email was still sent, after the answer, as the lane's events tell.
    // (Event arrival times jitter by tens of ms, but no email can be done sooner than 1.5 s after its request.)
    expect(background!.jobFinishedMs! - background!.sentMs).toBeGreaterThanOrEqual(EMAIL_MS);
    expect(background!.jobFinishedMs!).toBeGreaterThan(background!.answeredMs!);
    expect(inRequest!.answeredMs!).toBeGreaterThanOrEqual(inRequest!.jobFinishedMs!);
    // The panel says what the server measured.
    const summary = panel.locator('.demo-webapi-summary[data-variant="sync"]');
    await expect.poll(() => summary.textContent()).toBe(`answer p50 ${answerMs(inRequest!).toLocaleString('en-US')} ms`);
    expect(await panel.locator('.demo-webapi-section[data-variant="async"]').getAttribute('data-rows')).toBe('1');

    await panel.getByRole('button', { name: '20 at once' }).click();
    const burst = await expect.poll(round, { timeout: 30_000 }).toMatchObject({ done: true, requests: 20 }).then(round);
    const answers = (v: string) => burst!.timelines.filter((t) => t.variant === v).map(answerMs);
    expect(answers('async')).toHaveLength(20);
    expect(Math.max(...answers('async'))).toBeLessThan(EMAIL_MS);
    // 40 emails on one worker of 8 slots: the last synchronous client waits for several rounds of them.
    expect(Math.max(...answers('sync'))).toBeGreaterThanOrEqual(3 * EMAIL_MS);
    expect(burst!.timelines.every((t) => t.jobFinishedMs !== null && t.error === undefined)).toBe(true);
    expect(await getJson(`${deck.server.url}/api/lanes/rabbitmq/stats`)).toMatchObject({ completed: 42, failed: 0, waiting: 0, active: 0 });
    expect(await panel.locator('.demo-webapi-section[data-variant="sync"]').getAttribute('data-rows')).toBe('20');
    await page.close();
  }, 60_000);
});
