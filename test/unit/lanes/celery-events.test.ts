import { describe, expect, it } from 'vitest';
import { decodeCeleryEvents, jobEventOf } from '../../../demo-server/src/lanes/celery-events.ts';
import { CeleryWorkers } from '../../../demo-server/src/lanes/celery-workers.ts';

// Events as a Celery 5.2 worker with the prefork pool sent them: task events batched under `task.multi`.
const multi = JSON.stringify([
  { hostname: 'w1@vm', pid: 7, uuid: 'a', type: 'task-received', timestamp: 1 },
  { hostname: 'w1@vm', pid: 7, uuid: 'a', type: 'task-started', timestamp: 2 },
  { hostname: 'w1@vm', pid: 7, uuid: 'a', type: 'task-succeeded', result: 'None', runtime: 0.1, timestamp: 3 },
  { hostname: 'w1@vm', pid: 7, uuid: 'b', type: 'task-retried', exception: "FlakyError('x')", timestamp: 4 },
  { hostname: 'w1@vm', pid: 7, uuid: 'b', type: 'task-failed', exception: "FlakyError('x')", timestamp: 5 },
]);

describe("Celery's events", () => {
  it('become the demo job events that tell a job was taken, ran, ended, or was retried', () => {
    const events = decodeCeleryEvents(Buffer.from(multi)).map((event) => jobEventOf(event, 1000));
    expect(events).toEqual([
      { type: 'received', jobId: 'a', worker: 'w1@vm' },
      { type: 'started', jobId: 'a', worker: 'w1@vm', at: 2000 },
      { type: 'completed', jobId: 'a', worker: 'w1@vm', enqueuedAt: 1000 },
      { type: 'retried', jobId: 'b' },
      { type: 'failed', jobId: 'b', worker: 'w1@vm', error: "FlakyError('x')" },
    ]);
  });

  it('are read one per message too, and anything malformed is dropped', () => {
    expect(decodeCeleryEvents(Buffer.from('{"hostname": "w1@vm", "pid": 7, "type": "worker-heartbeat"}'))).toHaveLength(1);
    expect(decodeCeleryEvents(Buffer.from('[{"type": 1}, "x", null]'))).toEqual([]);
    expect(decodeCeleryEvents(Buffer.from('{not json'))).toEqual([]);
  });
});

describe('the Celery workers on a broker', () => {
  it('are listed from their worker events, with the pool size their stats reply gives', () => {
    const contacted: string[] = [];
    let now = 0;
    const workers = new CeleryWorkers((node) => contacted.push(node), () => now);
    workers.seen({ type: 'worker-online', hostname: 'w1@vm', pid: 7 });
    workers.seen({ type: 'worker-heartbeat', hostname: 'w1@vm', pid: 7 });
    expect(contacted).toEqual(['w1@vm']);
    expect(workers.list()).toEqual([{ id: 'w1@vm', host: 'vm', pid: 7, concurrency: 0, lastSeen: 0 }]);

    workers.poolSizesReported(new Map([['w1@vm', 8]]));
    expect(workers.list()[0]!.concurrency).toBe(8);

    now = 6_000;
    workers.seen({ type: 'worker-offline', hostname: 'w1@vm', pid: 7 });
    expect(workers.list()).toEqual([]);
    expect(contacted).toEqual(['w1@vm']);
  });

  it('asks a worker that does not answer again, but not at every heartbeat', () => {
    const contacted: string[] = [];
    let now = 0;
    const workers = new CeleryWorkers((node) => contacted.push(node), () => now);
    for (now = 0; now <= 6_000; now += 2_000) workers.seen({ type: 'worker-heartbeat', hostname: 'w1@vm', pid: 7 });
    expect(contacted).toEqual(['w1@vm', 'w1@vm']);
  });
});
