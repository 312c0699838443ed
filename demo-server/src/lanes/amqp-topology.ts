import type { Channel } from 'amqplib';

/** AMQP names the RabbitMQ lane and its workers agree on, wherever they run. */
export function amqpNames(namespace: string) {
  return {
    jobs: `${namespace}.jobs`,
    /** Failed attempts wait here for their backoff, then expire back into `jobs`. */
    retry: `${namespace}.jobs.retry`,
    deadLetterExchange: `${namespace}.jobs.dlx`,
    dead: `${namespace}.jobs.dead`,
    /** Topic exchange for lifecycle events and heartbeats from every worker. */
    events: `${namespace}.events`,
    /**
     * The demo server's inbox of lifecycle events. Durable, so events a worker sends while the
     * server or the broker restarts are still counted; it expires when no server reads it for an hour.
     */
    monitor: `${namespace}.events.monitor`,
  } as const;
}
export type AmqpNames = ReturnType<typeof amqpNames>;

/** Job headers both sides read. */
export const jobHeaders = { enqueuedAt: 'x-enqueued-at', attempt: 'x-attempt' } as const;

export const eventRoutingKey = (lane: string) => `job.${lane}`;
export const heartbeatRoutingKey = (lane: string) => `worker.${lane}`;

/**
 * Declares the lane's queues, idempotently, from whichever side connects first. Jobs are
 * durable and dead-lettered when they fail for good; retries wait in a TTL queue.
 */
export async function declareJobTopology(channel: Channel, names: AmqpNames): Promise<void> {
  await channel.assertExchange(names.deadLetterExchange, 'fanout', { durable: true });
  await channel.assertQueue(names.dead, { durable: true });
  await channel.bindQueue(names.dead, names.deadLetterExchange, '');
  await channel.assertQueue(names.jobs, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': names.deadLetterExchange },
  });
  await channel.assertQueue(names.retry, {
    durable: true,
    arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': names.jobs },
  });
  await channel.assertExchange(names.events, 'topic', { durable: true });
}

/** Declares the server's durable event inbox, bound to one lane's events and heartbeats. */
export async function declareMonitorQueue(channel: Channel, names: AmqpNames, lane: string): Promise<string> {
  const queue = `${names.monitor}.${lane}`;
  await channel.assertQueue(queue, {
    durable: true,
    arguments: { 'x-expires': 3_600_000, 'x-max-length': 1_000_000 },
  });
  await channel.bindQueue(queue, names.events, eventRoutingKey(lane));
  await channel.bindQueue(queue, names.events, heartbeatRoutingKey(lane));
  return queue;
}
