import * as z from 'zod';
import { chainingStateSchema } from './chaining.ts';
import { resultsStateSchema } from './results.ts';
import { schedulingStateSchema } from './scheduling.ts';
import { batchStateSchema } from './batch.ts';
import { monitoringStateSchema } from './monitoring.ts';
import { webApiStateSchema } from './web-api.ts';
import { reliabilityStateSchema } from './reliability.ts';
import { retriesStateSchema } from './retries.ts';

/**
 * The state of every demo scenario the server runs (reliability, retries, chaining, ...), keyed by the
 * `data-demo` name of the panel that shows it. Each demo adds one optional key here with the schema
 * from its own file in this folder. A state travels whole in the snapshot and again in a delta each
 * time it changes, so keep it small and bounded (lists capped, no per-job growth).
 */
export const demoStatesSchema = z.object({
  chaining: chainingStateSchema.optional(),
  scheduling: schedulingStateSchema.optional(),
  results: resultsStateSchema.optional(),
  'web-api': webApiStateSchema.optional(),
  batch: batchStateSchema.optional(),
  monitoring: monitoringStateSchema.optional(),
  reliability: reliabilityStateSchema.optional(),
  retries: retriesStateSchema.optional(),
});
export type DemoStates = z.infer<typeof demoStatesSchema>;
export type DemoName = keyof DemoStates & string;

/** Body of `POST /api/demos/:demo/:command` answers when the command has nothing else to say. */
export const demoCommandAnswerSchema = z.object({ demo: z.string(), command: z.string() }).loose();
export type DemoCommandAnswer = z.infer<typeof demoCommandAnswerSchema>;
export * from './web-api.ts';
export * from './batch.ts';
export * from './monitoring.ts';
