import * as z from 'zod';
import {
  celeryHeadersSchema,
  celeryPropertiesSchema,
  InvalidCeleryMessage,
  type CeleryHeaders,
  type CeleryMessage,
  type CeleryProducer,
} from './celery-message.ts';
import { pythonJson, pythonTupleRepr, type PythonValue } from './python-literals.ts';

/**
 * A Celery chain as Celery's client sends it (`chain(a.s(...), b.s(...), c.s(...)).apply_async()`,
 * protocol v2): one message, for the first task, whose `embed.chain` carries the remaining tasks'
 * signatures in reverse order, each with the id Celery froze for it. The worker that finishes a task
 * pops the last signature, adds the return value in front of its args and sends it. Byte-checked
 * against Celery 5.2.6 in test/unit/lanes/celery-chain-message.test.ts.
 */

/** The tasks of demo-server/workers/celery_pipeline.py. */
export const celeryPipelineTasks = ['celery_pipeline.fetch', 'celery_pipeline.transform', 'celery_pipeline.store'] as const;
export type CeleryPipelineTask = (typeof celeryPipelineTasks)[number];

export interface CeleryChainStep {
  task: CeleryPipelineTask;
  id: string;
  args: number[];
  kwargs: Record<string, boolean>;
}

const signatureSchema = z
  .object({
    task: z.enum(celeryPipelineTasks),
    args: z.array(z.number()),
    kwargs: z.record(z.string(), z.boolean()),
    options: z.object({ task_id: z.string().min(1).max(155), reply_to: z.string().max(255) }).strict(),
    subtask_type: z.null(),
    immutable: z.literal(false),
  })
  .strict();

const chainBodySchema = z.tuple([
  z.array(z.number()),
  z.record(z.string(), z.boolean()),
  z.object({ callbacks: z.null(), errbacks: z.null(), chain: z.array(signatureSchema).min(1).max(10), chord: z.null() }).strict(),
]);

const chainHeadersSchema = celeryHeadersSchema.extend({ task: z.enum(celeryPipelineTasks) });

/** `repr(dict)` of a chain step's keyword arguments: `{}`, `{'fail': True}`. */
function pythonKwargsRepr(kwargs: Record<string, boolean>): string {
  const items = Object.entries(kwargs).map(([name, value]) => `'${name}': ${value ? 'True' : 'False'}`);
  return `{${items.join(', ')}}`;
}

/** The message that starts the chain `steps[0] | steps[1] | ...`, validated before it leaves. */
export function celeryChainMessage(steps: readonly CeleryChainStep[], producer: CeleryProducer): CeleryMessage {
  const [first, ...rest] = steps;
  if (!first || rest.length === 0) throw new InvalidCeleryMessage('a chain needs two steps or more');
  const chain = rest
    .map((step) => ({
      task: step.task,
      args: step.args,
      kwargs: step.kwargs,
      options: { task_id: step.id, reply_to: producer.replyTo },
      subtask_type: null,
      immutable: false,
    }))
    .reverse();
  const headers: CeleryHeaders = {
    lang: 'py',
    task: first.task,
    id: first.id,
    shadow: null,
    eta: null,
    expires: null,
    group: null,
    group_index: null,
    retries: 0,
    timelimit: [null, null],
    root_id: first.id,
    parent_id: null,
    argsrepr: pythonTupleRepr(first.args),
    kwargsrepr: pythonKwargsRepr(first.kwargs),
    origin: producer.origin,
    ignore_result: false,
  };
  const body = pythonJson([first.args, first.kwargs, { callbacks: null, errbacks: null, chain, chord: null }] as PythonValue);
  const message: CeleryMessage = {
    headers,
    properties: {
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      deliveryMode: 2,
      priority: 0,
      correlationId: first.id,
      replyTo: producer.replyTo,
    },
    body: Buffer.from(body, 'utf8'),
  };
  return validateChainMessage(message);
}

function validateChainMessage(message: CeleryMessage): CeleryMessage {
  const problems: string[] = [];
  const headers = chainHeadersSchema.safeParse(message.headers);
  if (!headers.success) problems.push(`headers: ${z.prettifyError(headers.error)}`);
  const properties = celeryPropertiesSchema.safeParse(message.properties);
  if (!properties.success) problems.push(`properties: ${z.prettifyError(properties.error)}`);
  const body = chainBodySchema.safeParse(JSON.parse(message.body.toString('utf8')));
  if (!body.success) problems.push(`body: ${z.prettifyError(body.error)}`);
  if (problems.length > 0) throw new InvalidCeleryMessage(problems.join('; '));
  return message;
}
