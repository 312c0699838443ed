import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { amqpNames, declareJobTopology, jobHeaders } from '../../demo-server/src/lanes/amqp-topology.ts';
import { BATCH, type Contender } from './contender.ts';
import type { RawWorkerProcess } from './raw-worker-process.ts';

const body = Buffer.from(JSON.stringify({ kind: 'noop', params: {} }));

export interface RawAmqpOptions {
  amqpUrl: string;
  /** Namespace of the bench's own durable queues, declared as the lane declares its own. */
  namespace: string;
  worker: RawWorkerProcess;
  /** The broker's process, when it runs on this machine, for the CPU accounting of each round. */
  brokerPid: number | undefined;
}

/**
 * amqplib on its own: persistent messages to a durable queue on a confirm channel, waiting for
 * the broker's confirms every slice as the lane does; consumed with manual acks by another
 * process. Latency comes back as an RPC reply (replyTo + correlationId), AMQP's own way.
 * Sockets without Nagle's algorithm (amqplib's default keeps it): otherwise a small frame
 * written behind another waits for the broker's delayed TCP ack, up to 40 ms.
 */
export async function rawAmqpContender({ amqpUrl, namespace, worker, brokerPid }: RawAmqpOptions): Promise<Contender & { close(): Promise<void> }> {
  const names = amqpNames(namespace);
  const connection: ChannelModel = await connect(amqpUrl, { noDelay: true });
  const channel: ConfirmChannel = await connection.createConfirmChannel();
  await declareJobTopology(channel, names);
  const { queue: replies } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  const completions = new Map<string, (at: number) => void>();
  await channel.consume(replies, (message) => message && completions.get(message.properties.correlationId)?.(Date.now()), {
    noAck: true,
  });
  let sent = 0;
  let nextId = 1;

  /** Same message and properties as the lane's; false when the channel wants a 'drain' first. */
  const publish = (jobId: string, extra: { replyTo?: string; correlationId?: string } = {}): boolean => {
    const now = Date.now();
    return channel.sendToQueue(names.jobs, body, {
      persistent: true,
      contentType: 'application/json',
      messageId: jobId,
      timestamp: Math.floor(now / 1000),
      headers: { [jobHeaders.enqueuedAt]: now, [jobHeaders.attempt]: 1 },
      ...extra,
    });
  };

  return {
    label: 'raw amqplib',
    processes: () => ({ worker: worker.pid, broker: brokerPid, bench: process.pid }),
    async burst(jobs) {
      sent += jobs;
      const finished = worker.waitForTotal(sent);
      const startedAt = performance.now();
      for (let published = 0; published < jobs; published += BATCH) {
        const slice = Math.min(BATCH, jobs - published);
        for (let i = 0; i < slice; i++) {
          if (!publish(`raw-${nextId++}`)) await once(channel, 'drain');
        }
        await channel.waitForConfirms();
      }
      return ((await finished) - startedAt) / 1000;
    },
    async oneJob() {
      const jobId = `raw-${nextId++}`;
      const completed = new Promise<number>((resolve) => completions.set(jobId, resolve));
      sent += 1;
      const enqueuedAt = Date.now();
      if (!publish(jobId, { replyTo: replies, correlationId: jobId })) await once(channel, 'drain');
      const [at] = await Promise.all([completed, channel.waitForConfirms()]);
      completions.delete(jobId);
      return at - enqueuedAt;
    },
    async close() {
      await connection.close();
    },
  };
}

/** The raw side's consumer: prefetch = concurrency, ack after the (empty) work, a reply when asked for one. */
export async function runRawAmqpWorker(options: {
  amqpUrl: string;
  namespace: string;
  concurrency: number;
  onCompleted: () => void;
}): Promise<{ close(): Promise<void> }> {
  const names = amqpNames(options.namespace);
  const connection = await connect(options.amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  await declareJobTopology(channel, names);
  await channel.prefetch(options.concurrency);
  await channel.consume(
    names.jobs,
    (message) => {
      if (!message) return;
      JSON.parse(message.content.toString('utf8'));
      const { replyTo, correlationId } = message.properties;
      if (replyTo) channel.sendToQueue(replyTo, Buffer.from('done'), { correlationId });
      channel.ack(message);
      options.onCompleted();
    },
    { noAck: false },
  );
  return {
    async close() {
      await connection.close();
    },
  };
}
