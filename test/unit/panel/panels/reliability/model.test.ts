import { describe, expect, it } from 'vitest';
import type { ReliabilityLane, ReliabilityState } from '../../../../../demo-server/src/protocol/demos/reliability.ts';
import { headlineOf, laneCell, reliabilityViewModel, workerLine } from '../../../../../slides/panel/panels/reliability/model.ts';
import { initialState } from '../../../../../slides/panel/store.ts';

const lane = (over: Partial<ReliabilityLane>): ReliabilityLane => ({
  lane: 'rabbitmq', label: 'RabbitMQ', acks: 'late', note: 'acks late', status: 'busy',
  sent: 8, started: 4, runningAtKill: 0, redelivered: 0, completed: 0, ...over,
});
const state = (over: Partial<ReliabilityState>): ReliabilityState => ({
  phase: 'running', celeryAcksLate: false, jobs: { perLane: 8, ms: 4000, concurrency: 4 }, lanes: [], ...over,
});
const live = (s: ReliabilityState) => ({ ...initialState, connection: 'open' as const, everConnected: true, demos: { reliability: s } });

describe('the reliability panel model', () => {
  it('offers the kill only once every worker slot of every running lane holds a job', () => {
    const half = state({ lanes: [lane({ started: 4 }), lane({ lane: 'bullmq', started: 3 })] });
    expect(reliabilityViewModel({ mode: 'live', recording: undefined, store: live(half) }).allowed.kill).toBe(false);
    const full = state({ lanes: [lane({ started: 4 }), lane({ lane: 'bullmq', started: 4 }), lane({ lane: 'dramatiq', status: 'absent', started: 0 })] });
    const vm = reliabilityViewModel({ mode: 'live', recording: undefined, store: live(full) });
    expect(vm.controls).toBe('enabled');
    expect(vm.allowed).toMatchObject({ kill: true, start: false, acksLate: false });
  });

  it('gives the verdict per lane, from the measured losses', () => {
    const settled = state({
      phase: 'settled',
      lanes: [
        lane({ lane: 'celery', label: 'Celery (default)', status: 'settled', lost: 4 }),
        lane({ status: 'settled', lost: 0 }),
        lane({ lane: 'dramatiq', label: 'Dramatiq', status: 'absent' }),
      ],
    });
    expect(headlineOf(settled)).toBe('Celery (default) lost 4 of 8; RabbitMQ: none lost.');
  });

  it('says "…" for a loss not judged yet, and which worker replaced which', () => {
    const recovering = lane({ status: 'recovering', killedPid: 10, freshPid: undefined });
    expect(laneCell(recovering, 'lost')).toBe('…');
    expect(workerLine(recovering)).toBe('10 killed → …');
    expect(workerLine({ ...recovering, status: 'settled', freshPid: 12 })).toBe('10 → 12');
    expect(laneCell(lane({ status: 'absent' }), 'sent')).toBe('–');
  });

  it('shows the recorded round, without buttons, in an export', () => {
    const recording = { panel: 'reliability', recordedAt: '2026-11-25T12:00:00Z', lanes: {}, demos: { reliability: state({ phase: 'settled' }) } };
    const vm = reliabilityViewModel({ mode: 'static', recording, store: undefined });
    expect(vm.controls).toBe('hidden');
    expect(vm.caption).toContain('Run recorded 2026-11-25 12:00 UTC. Live demo:');
  });
});
