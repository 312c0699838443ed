import { describe, expect, it } from 'vitest';
import { parseLanes } from '../../../../../slides/panel/panels/race/model.ts';

describe('parseLanes (data-lanes)', () => {
  it('races memory, BullMQ and RabbitMQ when the slide names none', () => {
    expect(parseLanes(undefined)).toEqual({ lanes: ['memory', 'bullmq', 'rabbitmq'], unknown: [] });
  });

  it('keeps the slide’s order, each lane once, so a Celery column is one attribute away', () => {
    expect(parseLanes(' celery, memory,celery ,dramatiq')).toEqual({ lanes: ['celery', 'memory', 'dramatiq'], unknown: [] });
  });

  it('reports names it does not know', () => {
    expect(parseLanes('memory,kafka')).toEqual({ lanes: ['memory'], unknown: ['kafka'] });
  });
});
