import type { Channel } from 'amqplib';

/**
 * The AMQP names of the Celery app in demo-server/workers/celery_tasks.py, which takes them
 * from the same DEMO_NAMESPACE: its task queue, event exchange and control mailbox.
 */
export function celeryNames(namespace: string) {
  return {
    /** `task_default_queue`; Celery publishes to it through the default exchange, keyed by its name. */
    queue: `${namespace}.celery`,
    /** `event_exchange` (Celery's default is `celeryev`): where workers send task and worker events. */
    events: `${namespace}.celeryev`,
    /** `control_exchange` + `.pidbox`: the broadcast mailbox every worker listens on. */
    pidbox: `${namespace}.pidbox`,
    /** Where workers answer control commands, keyed by the asker's id. */
    replies: `reply.${namespace}.pidbox`,
    /** The demo server's durable inbox of those events, so none is lost while it reconnects. */
    monitor: `${namespace}.celeryev.monitor`,
  } as const;
}
export type CeleryNames = ReturnType<typeof celeryNames>;

/** Where Celery's Redis result backend keeps a task's state and return value. */
export const celeryResultKey = (taskId: string) => `celery-task-meta-${taskId}`;

/**
 * Declares what Celery declares, with kombu's flags: a declaration that differs in any flag
 * makes the worker's own fail with PRECONDITION_FAILED. The durable task queue is bound to a
 * direct exchange of the same name, as Celery's automatic queue creation does.
 */
export async function declareCeleryTopology(channel: Channel, names: CeleryNames): Promise<void> {
  await channel.assertExchange(names.queue, 'direct', { durable: true, autoDelete: false });
  await channel.assertQueue(names.queue, { durable: true, autoDelete: false, exclusive: false });
  await channel.bindQueue(names.queue, names.queue, names.queue);
  await channel.assertExchange(names.events, 'topic', { durable: true, autoDelete: false });
  await channel.assertExchange(names.pidbox, 'fanout', { durable: false, autoDelete: false });
  await channel.assertExchange(names.replies, 'direct', { durable: false, autoDelete: false });
}

/**
 * The server's inbox of task and worker events. Durable, and bound like Flower's receiver
 * (`task.#`, `worker.#`); it expires when no server reads it for an hour.
 */
export async function declareCeleryMonitorQueue(channel: Channel, names: CeleryNames): Promise<string> {
  await channel.assertQueue(names.monitor, {
    durable: true,
    arguments: { 'x-expires': 3_600_000, 'x-max-length': 1_000_000 },
  });
  await channel.bindQueue(names.monitor, names.events, 'task.#');
  await channel.bindQueue(names.monitor, names.events, 'worker.#');
  return names.monitor;
}

/** Another task queue of the app, declared as Celery's automatic queue creation does (see declareCeleryTopology). */
export async function declareCeleryQueue(channel: Channel, queue: string): Promise<void> {
  await channel.assertExchange(queue, 'direct', { durable: true, autoDelete: false });
  await channel.assertQueue(queue, { durable: true, autoDelete: false, exclusive: false });
  await channel.bindQueue(queue, queue, queue);
}
