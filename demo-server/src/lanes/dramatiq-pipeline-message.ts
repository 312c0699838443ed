import * as z from 'zod';
import { InvalidDramatiqMessage } from './dramatiq-message.ts';
import { pythonJson, type PythonValue } from './python-literals.ts';

/**
 * A Dramatiq pipeline as `pipeline([a.message(...), b.message(...), c.message(...)]).run()` sends it
 * (dramatiq/composition.py, 2.2.0): one message for the first actor, whose `options.pipe_target` is
 * the next message as a dict, whose own `pipe_target` is the one after. The Pipelines middleware of
 * the worker that finishes a step appends its result to the next message's args and enqueues it;
 * a step that fails for good (after its retries) stops the pipeline there. Byte-checked against
 * Dramatiq 2.2.0 in test/unit/lanes/dramatiq-pipeline-message.test.ts.
 */

/** The actors of demo-server/workers/dramatiq_pipeline.py. */
export const dramatiqPipelineActors = ['fetch', 'transform', 'store'] as const;
export type DramatiqPipelineActor = (typeof dramatiqPipelineActors)[number];

export interface DramatiqPipelineStep {
  actor: DramatiqPipelineActor;
  messageId: string;
  /** ms since the epoch, when the step's message was built. */
  timestamp: number;
  args: number[];
  kwargs: Record<string, boolean>;
}

interface PipelineMessage {
  queue_name: string;
  actor_name: DramatiqPipelineActor;
  args: number[];
  kwargs: Record<string, boolean>;
  options: { pipe_target?: PipelineMessage };
  message_id: string;
  message_timestamp: number;
}

const pipelineMessageSchema: z.ZodType<PipelineMessage> = z.lazy(() =>
  z
    .object({
      queue_name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9._-]*$/),
      actor_name: z.enum(dramatiqPipelineActors),
      args: z.array(z.number()),
      kwargs: z.record(z.string(), z.boolean()),
      options: z.object({ pipe_target: pipelineMessageSchema.optional() }).strict(),
      message_id: z.string().min(1).max(155),
      message_timestamp: z.number().int().nonnegative(),
    })
    .strict(),
);

/** The first step's message, carrying the rest of the pipeline; encoded as `Message.encode()` writes it. */
export function dramatiqPipelineMessage(queue: string, steps: readonly DramatiqPipelineStep[]): Buffer {
  if (steps.length < 2) throw new InvalidDramatiqMessage('a pipeline needs two steps or more');
  let next: PipelineMessage | undefined;
  for (const step of [...steps].reverse()) {
    // Key order is the wire order: Message's fields as declared.
    next = {
      queue_name: queue,
      actor_name: step.actor,
      args: step.args,
      kwargs: step.kwargs,
      options: next ? { pipe_target: next } : {},
      message_id: step.messageId,
      message_timestamp: step.timestamp,
    };
  }
  const valid = pipelineMessageSchema.safeParse(next);
  if (!valid.success) throw new InvalidDramatiqMessage(z.prettifyError(valid.error));
  return Buffer.from(pythonJson(next as unknown as PythonValue, [',', ':']), 'utf8');
}
