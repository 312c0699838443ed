import * as z from 'zod';

/** The columns of the reliability demo: Celery's default, Celery with the fix, and the acks-late lanes. */
export const reliabilityLaneIds = ['celery', 'rabbitmq', 'bullmq', 'dramatiq'] as const;
export type ReliabilityLaneId = (typeof reliabilityLaneIds)[number];

/**
 * - `idle`: no round yet; `starting`: its worker is booting; `busy`: jobs sent, running;
 * - `recovering`: its worker was killed, the fresh one is taking over; `settled`: the verdict is in;
 * - `absent`: this machine cannot run that worker (`hint` says how); `down`: its broker is away.
 */
export const reliabilityLaneStatusSchema = z.enum(['idle', 'starting', 'busy', 'recovering', 'settled', 'absent', 'down']);
export type ReliabilityLaneStatus = z.infer<typeof reliabilityLaneStatusSchema>;

const count = z.number().int().nonnegative();

/** One lane's round, every figure counted from its broker's events. */
export const reliabilityLaneSchema = z.object({
  lane: z.enum(reliabilityLaneIds),
  label: z.string().max(60),
  /** When the broker forgets a message: `early` as the task starts (Celery's default), `late` after its work. */
  acks: z.enum(['early', 'late']),
  /** How the lane gets a killed worker's jobs back, or not, in a few words. */
  note: z.string().max(40),
  status: reliabilityLaneStatusSchema,
  hint: z.string().max(300).optional(),
  /** Jobs of this round the lane accepted. */
  sent: count,
  /** Jobs that started, on any worker. */
  started: count,
  /** Jobs running in the worker at the moment it was killed. */
  runningAtKill: count,
  /** Jobs the killed worker held (running or prefetched) that the broker handed to the fresh worker. */
  redelivered: count,
  completed: count,
  /** Sent but never completed, once the lane has settled; undefined before the verdict. */
  lost: count.optional(),
  /** The worker process killed, and the one its supervisor started in its place. */
  killedPid: z.number().int().optional(),
  freshPid: z.number().int().optional(),
});
export type ReliabilityLane = z.infer<typeof reliabilityLaneSchema>;

/** `preparing`: workers booting; `running`: jobs in flight; `killed`: waiting for every lane's verdict. */
export const reliabilityPhaseSchema = z.enum(['idle', 'preparing', 'running', 'killed', 'settled']);
export type ReliabilityPhase = z.infer<typeof reliabilityPhaseSchema>;

export const reliabilityStateSchema = z.object({
  phase: reliabilityPhaseSchema,
  /** Whether the Celery worker runs `celery_acks_late` (the fix) rather than `celery_tasks` as it is. */
  celeryAcksLate: z.boolean(),
  /** Each round: `perLane` sleep jobs of `ms` per lane, to workers of `concurrency`. */
  jobs: z.object({ perLane: count, ms: count, concurrency: count }),
  lanes: z.array(reliabilityLaneSchema).max(reliabilityLaneIds.length),
  /** The round before this one, per lane that took part: so the fix can be compared with what it fixes. */
  previous: z
    .array(z.object({ label: z.string().max(60), sent: count, lost: count }))
    .max(reliabilityLaneIds.length)
    .optional(),
  /** What went wrong with the last command, in the server's words. */
  problem: z.string().max(500).optional(),
});
export type ReliabilityState = z.infer<typeof reliabilityStateSchema>;
