/** One side of a comparison: a lane through the demo server, or the raw library on its own. */
export interface Contender {
  readonly label: string;
  /**
   * Enqueues `jobs` noop jobs in batches and resolves with the seconds from the first
   * enqueue to the moment the last completion is known to this process.
   */
  burst(jobs: number): Promise<number>;
  /** Enqueues one noop job and resolves with the ms until it is known completed (enqueue -> completed). */
  oneJob(): Promise<number>;
  /** The processes doing this side's work, by role, so each round can say where the CPU went. */
  processes(): Record<string, number | undefined>;
}

/** Jobs per request or per addBulk/confirm slice, on both sides: the demo's lanes use the same size. */
export const BATCH = 1_000;
