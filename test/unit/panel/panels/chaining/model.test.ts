import { describe, expect, it } from 'vitest';
import type { ChainingState } from '../../../../../demo-server/src/protocol/demos/chaining.ts';
import { chainRows } from '../../../../../slides/panel/panels/chaining/model.ts';

const step = (name: 'fetch' | 'transform' | 'store', state: string, extra: object = {}) => ({
  name,
  id: name,
  state,
  value: null,
  error: null,
  retries: 0,
  startedMs: null,
  endedMs: null,
  ...extra,
});

describe('the chaining panel model', () => {
  it("explains each framework's stop after a failing middle step in its own terms", () => {
    const failedSteps = [
      step('fetch', 'succeeded', { value: '[1,2,3]', startedMs: 10, endedMs: 610 }),
      step('transform', 'failed', { error: 'TransformError', retries: 2, startedMs: 620, endedMs: 4000 }),
      step('store', 'never'),
    ];
    const state = {
      failMiddle: true,
      sentAt: 1,
      columns: [
        { framework: 'celery', status: 'failed', note: null, hint: null, steps: failedSteps },
        { framework: 'dramatiq', status: 'failed', note: null, hint: null, steps: failedSteps },
        { framework: 'bullmq', status: 'unavailable', note: 'BullMQ: Redis is down', hint: 'Start Redis: `redis-server`', steps: [] },
      ],
    } as ChainingState;
    const [celery, dramatiq, bullmq] = chainRows(state, ['celery', 'dramatiq', 'bullmq']);
    expect(celery!.outcome).toContain('`store` was never sent');
    expect(celery!.steps.map((s) => s.status)).toEqual(['✓ 0.60 s', '✗ 2 retries', 'never ran']);
    expect(celery!.steps[0]!.detail).toBe('[1,2,3]');
    expect(dramatiq!.outcome).toContain('after 2 retries and was dead-lettered (XQ)');
    expect(bullmq!.status).toBe('unavailable');
    expect(bullmq!.outcome).toBe('BullMQ: Redis is down. Start Redis: `redis-server`');
    expect(bullmq!.steps.map((s) => s.state)).toEqual(['waiting', 'waiting', 'waiting']);
  });

  it('shows empty rows before any state arrives', () => {
    expect(chainRows(undefined, ['celery']).map((row) => [row.status, row.steps.length])).toEqual([['idle', 3]]);
  });
});
