import { describe, expect, it } from 'vitest';
import { laneProblem } from '../../../slides/panel/lane-problem.ts';
import { applySnapshot, initialState } from '../../../slides/panel/store.ts';
import { laneState, snapshot } from './fixtures.ts';

describe('a lane problem', () => {
  const celery = (overrides = {}) => {
    const lane = laneState('celery', overrides);
    return { ...lane, capabilities: { ...lane.capabilities, label: 'Celery' } };
  };

  it('says a lane is absent, down, or has no worker, with the fix', () => {
    expect(laneProblem(applySnapshot(initialState, snapshot([])), 'celery')).toBe('celery: not on this demo server.');
    const down = celery({ health: { name: 'celery', status: 'down', detail: 'RabbitMQ is not answering', hint: 'Start RabbitMQ: `x`' } });
    expect(laneProblem(applySnapshot(initialState, snapshot([down])), 'celery')).toBe('Celery is down: RabbitMQ is not answering. Start RabbitMQ: `x`');
    const idle = celery({ health: { name: 'celery', status: 'up', detail: 'No Celery worker is consuming q', hint: 'Start one: `npm run worker:celery`' } });
    expect(laneProblem(applySnapshot(initialState, snapshot([idle])), 'celery')).toBe('Celery: No Celery worker is consuming q. Start one: `npm run worker:celery`');
  });

  it('says nothing for a lane ready to work, or before the first snapshot', () => {
    expect(laneProblem(applySnapshot(initialState, snapshot([celery()])), 'celery')).toBeUndefined();
    expect(laneProblem(initialState, 'celery')).toBeUndefined();
  });
});
