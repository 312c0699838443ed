import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { pythonJson, type PythonValue } from './python-literals.ts';

/**
 * kombu's Redis transport, which Celery uses for `redis://` brokers (kombu/transport/redis.py and
 * virtual/base.py, kombu 5.2.4): every message is a JSON envelope with its body in base64. A
 * queue is a list (LPUSH by the producer, BRPOP by the worker, one list per priority step);
 * a fanout exchange (events, control) is a PUBLISH on `/<db>.<exchange>[/<routing key>]`; a
 * binding is a member of the set `_kombu.binding.<exchange>`.
 */

/** kombu's separator inside binding members and priority queue names. */
const SEP = '\x06\x16';
/** `priority_steps`: the lists a queue is made of; priority 0 is the queue's own name. */
const PRIORITY_STEPS = [0, 3, 6, 9] as const;

/** Every list a queue is made of, as `_purge` and `_delete` reach them. */
export function kombuQueueLists(queue: string): string[] {
  return PRIORITY_STEPS.map((priority) => (priority === 0 ? queue : `${queue}${SEP}${priority}`));
}

/** A binding, as `_queue_bind` stores it: routing key, pattern (none) and queue in the exchange's set. */
export function kombuBinding(exchange: string, routingKey: string, queue: string): { key: string; member: string } {
  return { key: `_kombu.binding.${exchange}`, member: [routingKey, '', queue].join(SEP) };
}

/** `_get_publish_topic` with `fanout_patterns` on (kombu's default): where a fanout message is published. */
export function kombuFanoutChannel(db: number, exchange: string, routingKey = ''): string {
  return routingKey ? `/${db}.${exchange}/${routingKey}` : `/${db}.${exchange}`;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** What this lane writes: exactly the fields kombu writes, nothing else. */
export const kombuEnvelopeSchema = z
  .object({
    body: base64,
    'content-encoding': z.literal('utf-8'),
    'content-type': z.literal('application/json'),
    headers: z.record(z.string(), z.unknown()),
    properties: z
      .object({
        correlation_id: z.string().min(1).max(155).optional(),
        reply_to: z.string().max(255).optional(),
        delivery_mode: z.literal(2),
        delivery_info: z.object({ exchange: z.string().max(255), routing_key: z.string().max(255) }).strict(),
        priority: z.number().int().min(0).max(255),
        body_encoding: z.literal('base64'),
        delivery_tag: z.string().min(1).max(155),
      })
      .strict(),
  })
  .strict();
export type KombuEnvelope = z.infer<typeof kombuEnvelopeSchema>;

export interface KombuMessage {
  body: Buffer;
  headers: Record<string, PythonValue>;
  /** The AMQP properties Celery sets beyond kombu's own: the task's id and the reply address. */
  correlationId?: string;
  replyTo?: string;
  priority?: number;
}

export class InvalidKombuEnvelope extends Error {
  constructor(issues: string) {
    super(`refusing to write a kombu message a worker could not read: ${issues}`);
    this.name = 'InvalidKombuEnvelope';
  }
}

/**
 * `prepare_message` + `_inplace_augment_message`: the envelope kombu's Redis channel writes for a
 * message published to `exchange` with `routingKey`, in its key order, as `json.dumps` writes it.
 * Validated before it is written: a worker that cannot decode one fails on it.
 */
export function kombuEnvelope(
  message: KombuMessage,
  exchange: string,
  routingKey: string,
  deliveryTag: string = randomUUID(),
): string {
  const properties: KombuEnvelope['properties'] = {
    ...(message.correlationId === undefined ? {} : { correlation_id: message.correlationId }),
    ...(message.replyTo === undefined ? {} : { reply_to: message.replyTo }),
    delivery_mode: 2,
    delivery_info: { exchange, routing_key: routingKey },
    priority: message.priority ?? 0,
    body_encoding: 'base64',
    delivery_tag: deliveryTag,
  };
  const envelope: KombuEnvelope = {
    body: message.body.toString('base64'),
    'content-encoding': 'utf-8',
    'content-type': 'application/json',
    headers: message.headers,
    properties,
  };
  const valid = kombuEnvelopeSchema.safeParse(envelope);
  if (!valid.success) throw new InvalidKombuEnvelope(z.prettifyError(valid.error));
  return pythonJson(envelope as unknown as PythonValue);
}

/** What is read from any peer: only the body and how it is encoded matter. */
const receivedEnvelopeSchema = z.object({
  body: z.string(),
  properties: z.object({ body_encoding: z.string().optional() }).optional(),
});

/** The body of an envelope a worker wrote (an event, a control reply); undefined for anything malformed. */
export function kombuBodyOf(raw: Buffer | string): Buffer | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString());
  } catch {
    return undefined;
  }
  const envelope = receivedEnvelopeSchema.safeParse(parsed);
  if (!envelope.success) return undefined;
  const encoding = envelope.data.properties?.body_encoding;
  return Buffer.from(envelope.data.body, encoding === 'base64' ? 'base64' : 'utf8');
}
