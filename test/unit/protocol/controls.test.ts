import { describe, expect, it } from 'vitest';
import {
  MAX_PRODUCER_RATE,
  producerRequestSchema,
  raceRequestSchema,
  serverMessageSchema,
  workersRequestSchema,
} from '../../../demo-server/src/protocol/index.ts';

describe('control requests', () => {
  it('default to noop jobs', () => {
    expect(producerRequestSchema.parse({ rate: 5 }).kind).toBe('noop');
    expect(raceRequestSchema.parse({ lanes: ['memory'], count: 10 }).kind).toBe('noop');
  });

  it.each([
    [producerRequestSchema, { rate: MAX_PRODUCER_RATE + 1 }],
    [producerRequestSchema, { rate: 1, extra: true }],
    [raceRequestSchema, { lanes: ['kafka'], count: 1 }],
    [raceRequestSchema, { lanes: ['memory', 'memory'], count: 1 }],
    [workersRequestSchema, { count: 1.5 }],
  ])('refuses %#', (schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });
});

describe('lane state with controls', () => {
  const lane = {
    name: 'memory',
    health: { name: 'memory', status: 'up' },
    capabilities: { label: 'In-memory', broker: 'none', acks: 'none', retries: true, delays: false, priorities: false, results: false, durable: false },
    stats: { waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 },
    throughput: 0,
    latency: { p50: null, p99: null },
    workers: [],
    recent: [],
  };
  const snapshot = (lanes: unknown[]) => ({ type: 'snapshot', v: 1, serverTime: 1, tickMs: 50, lanes });

  it('still reads a snapshot from a server that knows no producer or run', () => {
    expect(serverMessageSchema.safeParse(snapshot([lane])).success).toBe(true);
  });

  it('reads a producer and a run when present', () => {
    const parsed = serverMessageSchema.parse(
      snapshot([{ ...lane, producer: { rate: 20, kind: 'sleep', until: 9 }, run: { id: 'a', kind: 'noop', count: 5, startedAt: 1, finishedAt: null } }]),
    );
    expect(parsed.type === 'snapshot' && parsed.lanes[0]?.run?.count).toBe(5);
  });
});
