import { randomUUID } from 'node:crypto';
import { FlowProducer, Job, Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { blockingConnection, commandConnection } from '../../lanes/redis-connection.ts';
import type { ChainStepName } from '../../protocol/demos/chaining.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { ChainRun } from './chain-run.ts';
import { brokerUnavailable } from '../lane-availability.ts';
import type { ChainRunner } from './chain-runner.ts';
import { PIPELINE_INPUT, runStep, STEP_MS } from './pipeline-steps.ts';
import { readBack } from './read-back.ts';

/** The flow's own queue beside the lane's, so its jobs never count among the lane's figures. */
const QUEUE = 'chaining';

interface Parts {
  flows: FlowProducer;
  queue: Queue;
  worker: Worker;
  events: QueueEvents;
  connections: Redis[];
}

/**
 * BullMQ's `FlowProducer`: a three-deep flow, store the parent of transform, the parent of fetch, so the
 * children run first and a parent reads their return values. `failParentOnFailure` on each child: a
 * failing transform fails store without running it (without it, store would wait for its children
 * forever). Steps followed by QueueEvents; values read back from `job.returnvalue`.
 */
export class BullmqFlow implements ChainRunner {
  readonly framework = 'bullmq' as const;
  private parts: Parts | undefined;
  private current: ChainRun | undefined;

  constructor(private readonly context: DemoContext) {}

  unavailable() {
    // The flow has a worker of its own: only Redis matters.
    return brokerUnavailable(this.context.hub, 'bullmq', 'BullMQ');
  }

  private async connect(): Promise<Parts> {
    const { redisUrl, namespace } = this.context.config;
    const producer = commandConnection(redisUrl, 'demo-chaining-bullmq');
    const workerConnection = blockingConnection(redisUrl, 'demo-chaining-bullmq-worker');
    const eventsConnection = blockingConnection(redisUrl, 'demo-chaining-bullmq-events');
    const prefix = namespace;
    const events = new QueueEvents(QUEUE, { connection: eventsConnection, prefix });
    events.on('active', ({ jobId }) => this.step(jobId, (run, i) => run.started(i)));
    events.on('failed', ({ jobId, failedReason }) => this.step(jobId, (run, i) => run.failed(i, failedReason)));
    events.on('completed', ({ jobId }) =>
      this.step(jobId, (run, i) => {
        run.succeeded(i);
        void this.readBack(run, i, jobId);
      }),
    );
    const worker = new Worker(QUEUE, (job) => runFlowStep(job), { connection: workerConnection, prefix, concurrency: 3 });
    worker.on('error', (error) => this.context.logger.warn({ err: error }, 'chaining: BullMQ worker'));
    events.on('error', (error) => this.context.logger.warn({ err: error }, 'chaining: BullMQ events'));
    await events.waitUntilReady();
    return {
      flows: new FlowProducer({ connection: producer, prefix }),
      queue: new Queue(QUEUE, { connection: producer, prefix }),
      worker,
      events,
      connections: [producer, workerConnection, eventsConnection],
    };
  }

  async run(failMiddle: boolean): Promise<ChainRun> {
    this.parts ??= await this.connect();
    const ids = ['fetch', 'transform', 'store'].map((name) => `${name}-${randomUUID()}`);
    const run = new ChainRun(ids, Date.now());
    this.current = run;
    const keep = { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } };
    await this.parts.flows.add({
      name: 'store',
      queueName: QUEUE,
      data: {},
      opts: { jobId: ids[2], ...keep },
      children: [
        {
          name: 'transform',
          queueName: QUEUE,
          data: { fail: failMiddle },
          opts: { jobId: ids[1], failParentOnFailure: true, ...keep },
          children: [{ name: 'fetch', queueName: QUEUE, data: { n: PIPELINE_INPUT }, opts: { jobId: ids[0], failParentOnFailure: true, ...keep } }],
        },
      ],
    });
    return run;
  }

  private step(jobId: string, change: (run: ChainRun, i: number) => void): void {
    const run = this.current;
    const i = run?.indexOf(jobId) ?? -1;
    if (run && i >= 0) change(run, i);
  }

  private async readBack(run: ChainRun, i: number, jobId: string): Promise<void> {
    const queue = this.parts?.queue;
    if (!queue) return;
    try {
      const value = await readBack(async () => {
        const job = await Job.fromId(queue, jobId);
        return job?.finishedOn ? { returned: job.returnvalue as unknown } : undefined;
      });
      if (value) run.stored(i, value.returned);
    } catch (error) {
      this.context.logger.warn({ err: error, jobId }, 'chaining: could not read a BullMQ return value');
    }
  }

  async forget(): Promise<void> {
    this.current = undefined;
    await this.parts?.queue.obliterate({ force: true }).catch(() => {});
  }

  async close(): Promise<void> {
    this.current = undefined;
    const parts = this.parts;
    this.parts = undefined;
    if (!parts) return;
    await parts.worker.close(true);
    await Promise.allSettled([parts.events.close(), parts.flows.close(), parts.queue.close()]);
    for (const connection of parts.connections) connection.disconnect();
  }
}

/** A step of the flow: fetch reads its input from its data, the others from their one child's return value. */
async function runFlowStep(job: Job): Promise<unknown> {
  await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  const name = job.name as ChainStepName;
  if (name === 'transform' && job.data.fail === true) throw new Error('transform failed, as asked');
  const input = name === 'fetch' ? job.data.n : Object.values(await job.getChildrenValues())[0];
  return runStep(name, input);
}
