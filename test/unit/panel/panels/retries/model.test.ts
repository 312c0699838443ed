import { describe, expect, it } from 'vitest';
import type { RetriesLane, RetriesState } from '../../../../../demo-server/src/protocol/demos/retries.ts';
import { headlineOf, retriesViewModel, spanOf } from '../../../../../slides/panel/panels/retries/model.ts';
import { initialState } from '../../../../../slides/panel/store.ts';

const lane = (over: Partial<RetriesLane>): RetriesLane => ({
  lane: 'bullmq', label: 'BullMQ', policy: 'attempts: 3', maxAttempts: 3, backoffMs: [200, 400], status: 'done',
  sent: 12, firstTry: 5, afterRetries: 4, deadLettered: 3, jobs: [], ...over,
});

describe('the retries panel model', () => {
  it('puts every lane on one time axis, in whole seconds, up to the last attempt', () => {
    const jobs = [{ id: '1', final: 'failed' as const, attempts: [{ t: 10, outcome: 'retry' as const }, { t: 3_400, outcome: 'failed' as const }] }];
    expect(spanOf([lane({ jobs }), lane({ lane: 'rabbitmq' })])).toBe(4_000);
    expect(spanOf([])).toBe(1_000);
  });

  it('says how many succeeded per lane once the round is over', () => {
    const state: RetriesState = { phase: 'done', failRate: 0.6, lanes: [lane({}), lane({ lane: 'dramatiq', label: 'Dramatiq', status: 'absent', sent: 0 })] };
    expect(headlineOf(state)).toBe('At 60% failure, succeeded of 12: BullMQ 9. The rest failed for good.');
  });

  it('offers the failure rates only between rounds', () => {
    const store = (phase: RetriesState['phase']) => ({ ...initialState, connection: 'open' as const, everConnected: true, demos: { retries: { phase, lanes: [] } } });
    expect(retriesViewModel({ mode: 'live', recording: undefined, store: store('running') }).canRun).toBe(false);
    expect(retriesViewModel({ mode: 'live', recording: undefined, store: store('done') }).canRun).toBe(true);
    expect(retriesViewModel({ mode: 'static', recording: undefined, store: undefined }).caption).toContain('npm run record -- --only retries');
  });
});
