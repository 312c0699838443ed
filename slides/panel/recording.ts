// A namespace import lets esbuild drop the parts of zod (locales, JSON schema) the panel never uses.
import * as z from 'zod';
import { demoStatesSchema, laneNames, laneRunSchema, laneStateSchema } from '../../demo-server/src/protocol/index.ts';

/**
 * A lane's figures at the end of a recorded run: the same fields, with the same units, as a live
 * LaneState, so the build can cut one out of a snapshot. `capabilities` is optional and only names the
 * lane; `producer` is the steady producer that fed it, `run` its counted burst (the broker race), if any.
 */
export const recordedLaneSchema = laneStateSchema
  .pick({ stats: true, throughput: true, latency: true, capabilities: true, producer: true })
  .partial({ capabilities: true })
  .extend({ run: laneRunSchema.optional() });
export type RecordedLane = z.infer<typeof recordedLaneSchema>;

/**
 * Throughput samples of a recorded run, for a chart: seconds since the start, jobs/s per lane at those
 * times; null where a lane has no sample (the chart joins its line across).
 */
export const recordedChartSchema = z
  .object({
    t: z.array(z.number()),
    lanes: z.partialRecord(z.enum(laneNames), z.array(z.number().nullable())),
  })
  .refine((chart) => Object.values(chart.lanes).every((ys) => ys?.length === chart.t.length), 'one value per time');
export type RecordedChart = z.infer<typeof recordedChartSchema>;

/**
 * One recorded run of a panel, as the build embeds it from `slides/recordings/<name>.json`:
 * `{ "panel": "queue", "recordedAt": "2025-11-25T12:03:00Z", "lanes": { "bullmq": { "stats": {...}, "throughput": 812, "latency": { "p50": 4, "p99": 31 } } } }`.
 */
export const recordingSchema = z.object({
  panel: z.string(),
  recordedAt: z.iso.datetime({ offset: true }),
  lanes: z.partialRecord(z.enum(laneNames), recordedLaneSchema),
  chart: recordedChartSchema.optional(),
  /** A demo panel's state at the end of its recorded run, as the socket delivered it (see demos/index.ts). */
  demos: demoStatesSchema.optional(),
});
export type Recording = z.infer<typeof recordingSchema>;

/**
 * Reads the build's `window.__DEMO_RECORDINGS__`: recordings keyed by name (the JSON file's base
 * name). A panel finds its own by `data-recording`, else by its `data-demo` name. Entries that do
 * not match the schema are reported and left out, so one bad file costs one panel its numbers.
 */
export function readRecordings(global: unknown): ReadonlyMap<string, Recording> {
  const recordings = new Map<string, Recording>();
  if (global === undefined) return recordings;
  if (typeof global !== 'object' || global === null) {
    console.warn('[demo] __DEMO_RECORDINGS__ is not an object; ignoring it');
    return recordings;
  }
  for (const [name, value] of Object.entries(global)) {
    const parsed = recordingSchema.safeParse(value);
    if (parsed.success) recordings.set(name, parsed.data);
    else console.warn(`[demo] recording "${name}" is invalid; ignoring it`, parsed.error.issues.slice(0, 3));
  }
  return recordings;
}

declare global {
  interface Window {
    /** Defined by the deck build when it embeds recorded runs; see `readRecordings`. */
    __DEMO_RECORDINGS__?: unknown;
  }
}
