import { createHash } from 'node:crypto';
import type { Options } from 'amqplib';
import * as z from 'zod';
import { jobKinds, type JobKind, type JobSpec } from '../protocol/index.ts';
import { pythonJson } from './python-literals.ts';

/**
 * Dramatiq's messages and queues, as Dramatiq 2.2.0 writes and declares them (dramatiq/message.py,
 * encoder.py, common.py, brokers/rabbitmq.py, results/backend.py), so that a stock
 * Dramatiq worker running demo-server/workers/dramatiq_actors.py consumes what this lane sends.
 * Byte-checked against Dramatiq's own output in test/unit/lanes/dramatiq-message.test.ts.
 */

/** The actor's queue, its delay queue (retries wait there) and its dead-letter queue, named as dramatiq/common.py does. */
export function dramatiqNames(namespace: string) {
  const queue = `${namespace}.dramatiq`;
  return { queue, delayed: `${queue}.DQ`, dead: `${queue}.XQ` } as const;
}
export type DramatiqNames = ReturnType<typeof dramatiqNames>;

/** How long dead-lettered messages stay in the XQ, ms: Dramatiq's DEAD_MESSAGE_TTL, 7 days. */
const DEAD_MESSAGE_TTL_MS = 86_400_000 * 7;

/**
 * The three queues as RabbitmqBroker declares them. Any difference in arguments and the worker's
 * own declaration fails with PRECONDITION_FAILED; a missing queue and published messages vanish.
 */
export function dramatiqQueueDeclarations(names: DramatiqNames): Array<{ queue: string; options: Options.AssertQueue }> {
  const deadLetterToXq = { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': names.dead };
  const common = { durable: true, exclusive: false, autoDelete: false };
  return [
    { queue: names.queue, options: { ...common, arguments: deadLetterToXq } },
    { queue: names.delayed, options: { ...common, arguments: deadLetterToXq } },
    { queue: names.dead, options: { ...common, arguments: { 'x-message-ttl': DEAD_MESSAGE_TTL_MS } } },
  ];
}

/** The actor's name: its function's name in dramatiq_actors.py. */
export const dramatiqActorName = (kind: JobKind): JobKind => kind;

export const dramatiqMessageSchema = z
  .object({
    queue_name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9._-]*$/),
    actor_name: z.enum(jobKinds),
    args: z.array(z.number()),
    kwargs: z.record(z.string(), z.never()),
    options: z.record(z.string(), z.string()),
    message_id: z.string().min(1).max(155),
    message_timestamp: z.number().int().nonnegative(),
  })
  .strict();
export type DramatiqMessage = z.infer<typeof dramatiqMessageSchema>;

/** The actor's positional arguments, in the order the Python function takes them. */
function actorArgs(job: JobSpec): number[] {
  switch (job.kind) {
    case 'sleep':
      return [job.params.ms];
    case 'cpu':
      return [job.params.n];
    case 'flaky':
      return [job.params.failRate];
    case 'noop':
    case 'crash':
      return [];
  }
}

export class InvalidDramatiqMessage extends Error {
  constructor(issues: string) {
    super(`refusing to publish a Dramatiq message a worker could not read: ${issues}`);
    this.name = 'InvalidDramatiqMessage';
  }
}

/** What `actor.send(*args)` builds: validated, since a worker dead-letters what it cannot decode. */
export function dramatiqMessage(job: JobSpec, queue: string, messageId: string, timestamp: number): DramatiqMessage {
  // Key order is the wire order: Message's fields as declared.
  const message: DramatiqMessage = {
    queue_name: queue,
    actor_name: dramatiqActorName(job.kind),
    args: actorArgs(job),
    kwargs: {},
    options: {},
    message_id: messageId,
    message_timestamp: timestamp,
  };
  const valid = dramatiqMessageSchema.safeParse(message);
  if (!valid.success) throw new InvalidDramatiqMessage(z.prettifyError(valid.error));
  return message;
}

/** `Message.encode()`: Dramatiq's JSONEncoder, `json.dumps(message, separators=(",", ":"))`, fields in declaration order. */
export function encodeDramatiqMessage(message: DramatiqMessage): Buffer {
  return Buffer.from(pythonJson({ ...message }, [',', ':']), 'utf8');
}

/**
 * RabbitmqBroker publishes with `delivery_mode=2` and nothing else. (amqplib also sends an empty
 * headers table, which no Dramatiq code reads.)
 */
export const dramatiqPublishOptions: Options.Publish = { persistent: true };

/** Where the Results middleware's RedisBackend keeps a message's result: an md5 of its default-namespaced key. */
export function dramatiqResultKey(queue: string, actorName: string, messageId: string): string {
  return createHash('md5').update(`dramatiq-results:${queue}:${actorName}:${messageId}`).digest('hex');
}
