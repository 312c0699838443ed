import { describe, expect, it } from 'vitest';
import { ChainRun } from '../../../demo-server/src/scenarios/chaining/chain-run.ts';
import { runStep } from '../../../demo-server/src/scenarios/chaining/pipeline-steps.ts';

const states = (run: ChainRun) => run.view().map((step) => step.state);

describe('a chain run', () => {
  it('queues the next step when one succeeds, and times each step from when the run was sent', () => {
    let now = 1_000;
    const run = new ChainRun(['a', 'b', 'c'], 1_000, () => now);
    expect(states(run)).toEqual(['queued', 'waiting', 'waiting']);
    now = 1_020;
    run.started(run.indexOf('a'));
    now = 1_620;
    run.succeeded(0);
    run.stored(0, [1, 2, 3]);
    expect(states(run)).toEqual(['succeeded', 'queued', 'waiting']);
    expect(run.view()[0]).toMatchObject({ value: '[1,2,3]', startedMs: 20, endedMs: 620 });
    expect(run.status()).toBe('running');
  });

  it('never moves a step back when its events arrive out of order', () => {
    const run = new ChainRun(['a', 'b', 'c'], 0, () => 0);
    run.succeeded(0);
    run.started(0);
    run.queued(0);
    expect(states(run)[0]).toBe('succeeded');
  });

  it('leaves the steps after a failure never run, and is failed once nothing can move', () => {
    const run = new ChainRun(['a', 'b', 'c'], 0, () => 0);
    run.succeeded(0);
    run.started(1);
    run.retrying(1, 'boom');
    expect(run.status()).toBe('running');
    run.started(1);
    run.failed(1, 'TransformError: boom');
    expect(states(run)).toEqual(['succeeded', 'failed', 'never']);
    expect(run.view()[1]).toMatchObject({ retries: 1, error: 'TransformError: boom' });
    expect(run.status()).toBe('failed');
    run.started(2);
    expect(states(run)[2]).toBe('never');
  });

  it("takes the framework's word when it fails a later step itself (BullMQ's failParentOnFailure)", () => {
    const run = new ChainRun(['a', 'b', 'c'], 0, () => 0);
    run.succeeded(0);
    run.failed(1, 'boom');
    run.failed(2, 'child b failed');
    expect(run.view()[2]).toMatchObject({ state: 'failed', error: 'child b failed', startedMs: null });
  });

  it('is done when every step succeeded; the steps compute what the Python ones do', () => {
    const run = new ChainRun(['a', 'b', 'c'], 0, () => 0);
    [0, 1, 2].forEach((i) => run.succeeded(i));
    expect(run.status()).toBe('succeeded');
    expect(runStep('fetch', 3)).toEqual([1, 2, 3]);
    expect(runStep('transform', [1, 2, 3])).toEqual([1, 4, 9]);
    expect(runStep('store', [1, 4, 9])).toEqual({ rows: 3, total: 14 });
    expect(() => runStep('store', 'x')).toThrow(TypeError);
  });
});
