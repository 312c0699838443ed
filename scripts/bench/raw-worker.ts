// A raw library's worker, started by the bench: node --import tsx raw-worker.ts --lib bullmq|amqp ...
import { parseArgs } from 'node:util';
import { runRawAmqpWorker } from './raw-amqp.ts';
import { runRawBullmqWorker } from './raw-bullmq.ts';
import type { FromRawWorker, ToRawWorker } from './raw-worker-process.ts';

const { values } = parseArgs({
  options: {
    lib: { type: 'string' },
    url: { type: 'string' },
    namespace: { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const { lib, url, namespace } = values;
const concurrency = Number(values.concurrency);
if ((lib !== 'bullmq' && lib !== 'amqp') || !url || !namespace || !(concurrency > 0)) {
  console.error('usage: raw-worker.ts --lib bullmq|amqp --url URL --namespace NS --concurrency N');
  process.exit(2);
}

const tell = (message: FromRawWorker) => process.send?.(message);
let completed = 0;
const waiting: Array<{ id: number; total: number }> = [];
const onCompleted = () => {
  completed++;
  while (waiting.length > 0 && waiting[0]!.total <= completed) tell({ type: 'reached', id: waiting.shift()!.id });
};

const worker =
  lib === 'bullmq'
    ? await runRawBullmqWorker({ redisUrl: url, prefix: namespace, concurrency, onCompleted })
    : await runRawAmqpWorker({ amqpUrl: url, namespace, concurrency, onCompleted });

process.on('message', (message: ToRawWorker) => {
  if (message.type !== 'waitFor') return;
  if (message.total <= completed) tell({ type: 'reached', id: message.id });
  else {
    waiting.push(message);
    waiting.sort((a, b) => a.total - b.total);
  }
});
process.once('SIGTERM', () => {
  worker.close().finally(() => process.exit(0));
});
// Never outlive the bench, even if it was killed.
process.on('disconnect', () => {
  worker.close().finally(() => process.exit(0));
});
tell({ type: 'ready' });
