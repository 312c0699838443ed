import * as z from 'zod';
import { jobKinds, type JobKind, type JobSpec } from '../protocol/index.ts';
import { pythonJson, pythonTupleRepr } from './python-literals.ts';

/**
 * Celery task messages, protocol v2, as Celery's own client writes them (`as_task_v2` in
 * celery/app/amqp.py, serialised by kombu): the task's identity in the AMQP headers, the
 * body `[args, kwargs, embed]` in JSON. A Celery worker that meets a malformed one crashes,
 * reconnects, gets it redelivered and crashes again, so every message is validated here
 * before it leaves. Byte-checked against Celery 5.2.6 in test/unit/lanes/celery-message.test.ts.
 */

/** The task's name in demo-server/workers/celery_tasks.py, where Celery names it after the module. */
export function celeryTaskName(kind: JobKind): string {
  return `celery_tasks.${kind}`;
}

/** The task's positional arguments, in the order the Python function takes them. */
export function celeryTaskArgs(job: JobSpec): number[] {
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

const taskNames = jobKinds.map(celeryTaskName) as [string, ...string[]];
const taskId = z.string().min(1).max(155);
const isoTime = z.string().max(64).nullable();

export const celeryHeadersSchema = z
  .object({
    lang: z.literal('py'),
    task: z.enum(taskNames),
    id: taskId,
    shadow: z.null(),
    eta: isoTime,
    expires: isoTime,
    group: z.null(),
    group_index: z.null(),
    retries: z.number().int().nonnegative(),
    timelimit: z.tuple([z.number().positive().nullable(), z.number().positive().nullable()]),
    root_id: taskId,
    parent_id: taskId.nullable(),
    argsrepr: z.string().max(1024),
    kwargsrepr: z.string().max(1024),
    origin: z.string().min(1).max(255),
    ignore_result: z.boolean(),
  })
  .strict();
export type CeleryHeaders = z.infer<typeof celeryHeadersSchema>;

export const celeryPropertiesSchema = z
  .object({
    contentType: z.literal('application/json'),
    contentEncoding: z.literal('utf-8'),
    deliveryMode: z.literal(2),
    priority: z.number().int().min(0).max(255),
    correlationId: taskId,
    replyTo: z.string().max(255),
  })
  .strict();
export type CeleryProperties = z.infer<typeof celeryPropertiesSchema>;

/** `[args, kwargs, embed]`: embed carries the canvas (callbacks, chains), none here. */
export const celeryBodySchema = z.tuple([
  z.array(z.number()),
  z.record(z.string(), z.never()),
  z
    .object({ callbacks: z.null(), errbacks: z.null(), chain: z.null(), chord: z.null() })
    .strict(),
]);

export interface CeleryMessage {
  headers: CeleryHeaders;
  properties: CeleryProperties;
  body: Buffer;
}

/** Who sends: Celery's client names itself `gen<pid>@<host>` and asks for replies at its app's oid. */
export interface CeleryProducer {
  origin: string;
  replyTo: string;
}

export class InvalidCeleryMessage extends Error {
  constructor(issues: string) {
    super(`refusing to publish a Celery message a worker could not read: ${issues}`);
    this.name = 'InvalidCeleryMessage';
  }
}

/** The message Celery's `apply_async(args, task_id=taskId)` would send for this job, validated. */
export function celeryTaskMessage(job: JobSpec, taskId: string, producer: CeleryProducer): CeleryMessage {
  const args = celeryTaskArgs(job);
  const headers: CeleryHeaders = {
    lang: 'py',
    task: celeryTaskName(job.kind),
    id: taskId,
    shadow: null,
    eta: null,
    expires: null,
    group: null,
    group_index: null,
    retries: 0,
    timelimit: [null, null],
    root_id: taskId,
    parent_id: null,
    argsrepr: pythonTupleRepr(args),
    kwargsrepr: '{}',
    origin: producer.origin,
    ignore_result: false,
  };
  const properties: CeleryProperties = {
    contentType: 'application/json',
    contentEncoding: 'utf-8',
    deliveryMode: 2,
    priority: 0,
    correlationId: taskId,
    replyTo: producer.replyTo,
  };
  const body = pythonJson([args, {}, { callbacks: null, errbacks: null, chain: null, chord: null }]);
  return validateCeleryMessage({ headers, properties, body: Buffer.from(body, 'utf8') });
}

/** Throws InvalidCeleryMessage unless a Celery 5 worker can read the message as it will be sent. */
export function validateCeleryMessage(message: CeleryMessage): CeleryMessage {
  const problems: string[] = [];
  const headers = celeryHeadersSchema.safeParse(message.headers);
  if (!headers.success) problems.push(`headers: ${z.prettifyError(headers.error)}`);
  const properties = celeryPropertiesSchema.safeParse(message.properties);
  if (!properties.success) problems.push(`properties: ${z.prettifyError(properties.error)}`);
  else if (properties.data.correlationId !== message.headers.id) problems.push('correlation_id must be the task id');
  let decoded: unknown;
  try {
    decoded = JSON.parse(message.body.toString('utf8'));
  } catch {
    problems.push('body: not JSON');
  }
  const body = celeryBodySchema.safeParse(decoded);
  if (decoded !== undefined && !body.success) problems.push(`body: ${z.prettifyError(body.error)}`);
  if (problems.length > 0) throw new InvalidCeleryMessage(problems.join('; '));
  return message;
}

/**
 * The headers as an AMQP table with py-amqp's types: it writes every int as a signed 32-bit `I`,
 * where amqplib would pick the smallest type that fits. Same bytes on the wire as Celery's client.
 */
export function celeryAmqpHeaders(headers: CeleryHeaders): Record<string, unknown> {
  return { ...headers, retries: { '!': 'int', value: headers.retries } };
}
