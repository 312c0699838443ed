import { describe, expect, it } from 'vitest';
import type { ResultsState } from '../../../../../demo-server/src/protocol/demos/results.ts';
import { resultColumns } from '../../../../../slides/panel/panels/results/model.ts';

const result = (id: string, extra: object) => ({ id, input: 12345, value: '351781', key: `k-${id}`, ttlMs: 30_000, state: 'stored', ...extra });

describe('the result store panel model', () => {
  it('shows the newest result first, the TTL Redis reported, no expiry, and expired keys', () => {
    const state = {
      columns: [
        { framework: 'celery', status: 'ready', note: null, hint: null, expiry: 'result_expires=60', results: [result('old', { state: 'expired', ttlMs: null }), result('new', {})] },
        { framework: 'bullmq', status: 'ready', note: null, hint: null, expiry: 'removeOnComplete', results: [result('b', { ttlMs: -1 }), result('p', { state: 'pending', value: null, ttlMs: null })] },
        { framework: 'dramatiq', status: 'unavailable', note: 'Dramatiq worker not running', hint: 'Start one: `x`', expiry: 'result_ttl=60000', results: [] },
      ],
    } as ResultsState;
    const [celery, dramatiq, bullmq] = resultColumns(state, ['celery', 'dramatiq', 'bullmq']);
    expect(celery!.cards.map((c) => [c.id, c.state, c.ttl, c.value])).toEqual([
      ['new', 'stored', 'TTL 30.0 s', '351781'],
      ['old', 'expired', 'expired: key gone', '351781'],
    ]);
    expect(celery!.cards[0]!.left).toBe(0.5);
    expect(bullmq!.cards.map((c) => [c.state, c.ttl, c.value])).toEqual([
      ['pending', 'waiting for the result…', '…'],
      ['no-ttl', 'PTTL −1: no expiry', '351781'],
    ]);
    expect(dramatiq).toMatchObject({ status: 'unavailable', note: 'Dramatiq worker not running. Start one: `x`', cards: [] });
  });
});
