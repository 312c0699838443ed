import * as z from 'zod';

/** Every way of running background jobs the demo knows; one column in a panel. */
export const laneNames = ['memory', 'bullmq', 'rabbitmq', 'celery', 'dramatiq'] as const;
export type LaneName = (typeof laneNames)[number];

export const jobKinds = ['noop', 'sleep', 'cpu', 'flaky', 'crash'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Largest burst one request may enqueue. */
export const MAX_COUNT = 100_000;
/** Longest sleep a request may ask for, in ms: nobody parks a worker for minutes from a URL. */
export const MAX_SLEEP_MS = 30_000;
/** Largest cpu job: iterations of the busy loop (about a second on a laptop). */
export const MAX_CPU_N = 50_000_000;

const noParams = z.object({}).strict();
const sleepParams = z.object({ ms: z.number().int().min(0).max(MAX_SLEEP_MS) }).strict();
const cpuParams = z.object({ n: z.number().int().min(1).max(MAX_CPU_N) }).strict();
const flakyParams = z.object({ failRate: z.number().min(0).max(1) }).strict();

export const jobParamsSchemas = {
  noop: noParams,
  sleep: sleepParams,
  cpu: cpuParams,
  flaky: flakyParams,
  crash: noParams,
} as const satisfies Record<JobKind, z.ZodType>;

export const defaultJobParams = {
  noop: {},
  sleep: { ms: 200 },
  cpu: { n: 1_000_000 },
  flaky: { failRate: 0.3 },
  crash: {},
} as const satisfies { [K in JobKind]: z.infer<(typeof jobParamsSchemas)[K]> };

/** A job as it travels to a worker: what to do and with which parameters. */
export const jobSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('noop'), params: noParams }),
  z.object({ kind: z.literal('sleep'), params: sleepParams }),
  z.object({ kind: z.literal('cpu'), params: cpuParams }),
  z.object({ kind: z.literal('flaky'), params: flakyParams }),
  z.object({ kind: z.literal('crash'), params: noParams }),
]);
export type JobSpec = z.infer<typeof jobSpecSchema>;

/** Body of `POST /api/jobs`. Unknown lanes are answered 404 by the edge, so `lane` is any short string here. */
export const enqueueRequestSchema = z
  .object({
    lane: z.string().min(1).max(64),
    kind: z.enum(jobKinds),
    count: z.number().int().min(1).max(MAX_COUNT).default(1),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type EnqueueRequest = z.infer<typeof enqueueRequestSchema>;

export interface EnqueueResponse {
  accepted: number;
  lane: LaneName;
  kind: JobKind;
  params: JobSpec['params'];
}

/** Resolves a request's kind and params into a validated job spec, filling defaults. */
export function toJobSpec(kind: JobKind, params: unknown): z.ZodSafeParseResult<JobSpec> {
  return jobSpecSchema.safeParse({ kind, params: params ?? defaultJobParams[kind] });
}

export function isLaneName(value: string): value is LaneName {
  return (laneNames as readonly string[]).includes(value);
}
