import { randomUUID } from 'node:crypto';
import type { Options } from 'amqplib';
import * as z from 'zod';
import { pythonJson, type PythonValue } from './python-literals.ts';

/**
 * Celery's remote control, as `app.control` sends it through kombu's pidbox: a JSON command
 * broadcast to every worker's mailbox, answered, when asked, on the reply exchange.
 */

/** How long a command stays valid, s: a worker that reads it later ignores it, as kombu's default. */
const COMMAND_TTL_S = 1;

/** The commands the lane sends, as Flower does: switch task events on, and ask for a worker's pool size. */
export type ControlMethod = 'enable_events' | 'stats';

export interface ControlReply {
  exchange: string;
  /** The asker's id: workers publish their answers with it as the routing key. */
  routingKey: string;
}

export interface ControlCommand {
  body: Buffer;
  options: Options.Publish;
}

/** A control command as kombu's pidbox writes it, before a transport wraps it: JSON body, clock and expiry headers. */
export interface ControlMessage {
  body: Buffer;
  headers: { clock: number; expires: number };
}

/**
 * One control command. `clock` is the sender's Lamport clock (kombu sends it in every command);
 * `destination` limits it to some workers by node name.
 */
export function controlMessage(
  method: ControlMethod,
  clock: number,
  { destination = null, reply }: { destination?: string[] | null; reply?: ControlReply } = {},
  now = Date.now(),
): ControlMessage {
  const message: Record<string, PythonValue> = { method, arguments: {}, destination, pattern: null, matcher: null };
  if (reply) {
    message.ticket = randomUUID();
    message.reply_to = { exchange: reply.exchange, routing_key: reply.routingKey };
  }
  return { body: Buffer.from(pythonJson(message), 'utf8'), headers: { clock, expires: now / 1000 + COMMAND_TTL_S } };
}

/** The command as py-amqp publishes it to the pidbox exchange. */
export function controlCommand(
  method: ControlMethod,
  clock: number,
  target: { destination?: string[] | null; reply?: ControlReply } = {},
  now = Date.now(),
): ControlCommand {
  const { body, headers } = controlMessage(method, clock, target, now);
  return {
    body,
    options: {
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      persistent: true,
      priority: 0,
      // py-amqp's types: an int and a double, whatever their values.
      headers: { clock: { '!': 'int', value: headers.clock }, expires: { '!': 'double', value: headers.expires } },
    },
  };
}

/** A worker's answer to `stats`, keyed by its node name; only what the panel lists is read. */
const statsReplySchema = z.record(
  z.string().max(255),
  z.object({
    pid: z.number().int(),
    pool: z.object({ 'max-concurrency': z.number().int().nonnegative() }),
  }),
);

/** Pool sizes by node name from a `stats` reply; nothing from anything malformed. */
export function decodeStatsReply(content: Buffer): Map<string, number> {
  try {
    const reply = statsReplySchema.parse(JSON.parse(content.toString('utf8')));
    return new Map(Object.entries(reply).map(([node, stats]) => [node, stats.pool['max-concurrency']]));
  } catch {
    return new Map();
  }
}
