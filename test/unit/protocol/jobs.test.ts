import { describe, expect, it } from 'vitest';
import { enqueueRequestSchema, MAX_COUNT, toJobSpec } from '../../../demo-server/src/protocol/index.ts';

describe('enqueue request', () => {
  it('defaults count to one', () => {
    expect(enqueueRequestSchema.parse({ lane: 'memory', kind: 'noop' }).count).toBe(1);
  });

  it.each([
    [{ lane: 'memory', kind: 'noop', count: 0 }],
    [{ lane: 'memory', kind: 'noop', count: MAX_COUNT + 1 }],
    [{ lane: 'memory', kind: 'noop', count: 1.5 }],
    [{ lane: 'memory', kind: 'explode' }],
    [{ lane: 'memory', kind: 'noop', extra: true }],
    [{ kind: 'noop' }],
    [[]],
    [null],
  ])('refuses %j', (body) => {
    expect(enqueueRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('job spec', () => {
  it('fills the default params of a kind', () => {
    expect(toJobSpec('sleep', undefined).data).toEqual({ kind: 'sleep', params: { ms: 200 } });
  });

  it('refuses a ten-minute sleep', () => {
    expect(toJobSpec('sleep', { ms: 600_000 }).success).toBe(false);
  });

  it('refuses params that belong to another kind', () => {
    expect(toJobSpec('noop', { ms: 5 }).success).toBe(false);
    expect(toJobSpec('flaky', { failRate: 2 }).success).toBe(false);
  });
});
