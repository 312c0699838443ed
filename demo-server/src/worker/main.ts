import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { startBullmqWorker } from './bullmq-worker.ts';
import { startRabbitmqWorker } from './rabbitmq-worker.ts';
import { workerIdentity } from './identity.ts';

/** `npm run worker -- --lane bullmq --concurrency 8`: one more worker, here or on another machine. */
const workerLanes = ['bullmq', 'rabbitmq'] as const;
type WorkerLane = (typeof workerLanes)[number];

const { values } = parseArgs({
  options: {
    lane: { type: 'string', default: 'bullmq' },
    concurrency: { type: 'string', default: '8' },
  },
});

const lane = values.lane as WorkerLane;
if (!workerLanes.includes(lane)) {
  console.error(`Unknown worker lane "${values.lane}". Choose one of: ${workerLanes.join(', ')}.`);
  process.exit(2);
}
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) {
  console.error(`--concurrency must be a whole number from 1 to 1000, got "${values.concurrency}".`);
  process.exit(2);
}

const config = loadConfig(process.env);
const identity = workerIdentity(lane);
const worker =
  lane === 'bullmq'
    ? startBullmqWorker({ redisUrl: config.redisUrl, namespace: config.namespace, concurrency, identity })
    : startRabbitmqWorker({ amqpUrl: config.amqpUrl, namespace: config.namespace, concurrency, identity });
console.log(`[worker ${identity.id}] consuming lane ${lane} with concurrency ${concurrency}`);

/** A close that waits longer than this (a broker that never answers) ends in an exit all the same. */
const CLOSE_DEADLINE_MS = 10_000;

let stopping = false;
const stop = async (deadlineMs = CLOSE_DEADLINE_MS) => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), deadlineMs).unref();
  await worker.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

// The terminal or pipe we print to may close with the server; that must not stop the work.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

/** How long a worker the server started keeps working after the server died (it may be restarting), then it stops. */
const ORPHAN_GRACE_MS = 5_000;
const ORPHAN_CLOSE_DEADLINE_MS = 3_000;
/** How often a worker the server started checks that its server still runs. */
const PARENT_POLL_MS = 1_000;

/**
 * A worker the server started (it has the IPC channel) ends within seconds of its server, however the
 * server ended: the channel closes (it may have closed before this module finished loading, while
 * `disconnect` had no listener yet), or the worker gets another parent.
 */
if (process.send) {
  const server = process.ppid;
  let orphaned = false;
  const serverGone = () => {
    if (orphaned) return;
    orphaned = true;
    console.log(`[worker ${identity.id}] the demo server is gone: working on for ${ORPHAN_GRACE_MS / 1000} s, then stopping`);
    setTimeout(() => void stop(ORPHAN_CLOSE_DEADLINE_MS), ORPHAN_GRACE_MS).unref();
  };
  process.once('disconnect', serverGone);
  if (!process.connected) serverGone();
  setInterval(() => {
    if (process.ppid !== server) serverGone();
  }, PARENT_POLL_MS).unref();
}
