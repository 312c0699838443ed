import { describe, expect, it } from 'vitest';
import { RetryRound } from '../../../demo-server/src/scenarios/retries/retry-round.ts';

describe("a lane's round of flaky jobs", () => {
  it('draws each attempt at its worker-stamped start and sorts the jobs into first try, after retries, dead', () => {
    const round = new RetryRound(1_000);
    for (const id of ['a', 'b', 'c']) round.record({ type: 'enqueued', jobId: id }, 1_000);
    // a: succeeds at once
    round.record({ type: 'started', jobId: 'a', at: 1_010 }, 1_050);
    round.record({ type: 'completed', jobId: 'a' }, 1_060);
    // b: fails, is retried 200 ms later and succeeds
    round.record({ type: 'started', jobId: 'b', at: 1_020 }, 1_070);
    round.record({ type: 'retried', jobId: 'b' }, 1_080);
    round.record({ type: 'started', jobId: 'b', at: 1_230 }, 1_240);
    round.record({ type: 'completed', jobId: 'b' }, 1_250);
    // c: fails three times, the last for good; its second start reached us without a stamp
    round.record({ type: 'started', jobId: 'c', at: 1_030 }, 1_040);
    round.record({ type: 'retried', jobId: 'c' }, 1_045);
    round.record({ type: 'started', jobId: 'c' }, 1_300);
    round.record({ type: 'retried', jobId: 'c' }, 1_310);
    round.record({ type: 'started', jobId: 'c', at: 1_700 }, 1_720);
    round.record({ type: 'failed', jobId: 'c' }, 1_730);

    expect(round.done()).toBe(true);
    expect(round.totals()).toEqual({ sent: 3, firstTry: 1, afterRetries: 1, deadLettered: 1 });
    expect(round.timeline()).toEqual([
      { id: 'a', final: 'ok', attempts: [{ t: 10, outcome: 'ok' }] },
      { id: 'b', final: 'ok', attempts: [{ t: 20, outcome: 'retry' }, { t: 230, outcome: 'ok' }] },
      { id: 'c', final: 'failed', attempts: [{ t: 30, outcome: 'retry' }, { t: 300, outcome: 'retry' }, { t: 700, outcome: 'failed' }] },
    ]);
  });

  it('keeps a report that overtook its enqueue, and at most twelve jobs', () => {
    const round = new RetryRound(0);
    round.record({ type: 'started', jobId: 'x', at: 5 }, 5);
    round.record({ type: 'enqueued', jobId: 'x' }, 6);
    expect(round.timeline()[0]).toEqual({ id: 'x', final: 'pending', attempts: [{ t: 5, outcome: 'running' }] });
    for (let i = 0; i < 20; i++) round.record({ type: 'enqueued', jobId: `j${i}` }, 10);
    expect(round.timeline()).toHaveLength(12);
    expect(round.done()).toBe(false);
  });
});
