import { postJson } from './demo-server.ts';

export interface BurstTally {
  /** Jobs the server answered 202 for: the ones that must complete. */
  accepted: number;
  /** Requests refused with 503 while the lane was down. */
  refused: number;
  /** Jobs asked for in requests that failed in flight: they may or may not have been taken. */
  inFlightLost: number;
  /**
   * Jobs of the first request refused after the lane had answered before: the broker went away while
   * it was publishing, so a message it stored before its confirm was lost may still run (at least once).
   */
  refusedMidPublish: number;
  otherStatuses: number[];
}

/** Posts `count` jobs every `everyMs`, one request at a time, until stopped. */
export function keepEnqueuing(url: string, body: Record<string, unknown> & { count: number }, everyMs = 50) {
  const tally: BurstTally = { accepted: 0, refused: 0, inFlightLost: 0, refusedMidPublish: 0, otherStatuses: [] };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const res = await postJson(`${url}/api/jobs`, body);
        if (res.status === 202) {
          tally.accepted += res.body.accepted;
          tally.inFlightLost += body.count - res.body.accepted;
        } else if (res.status === 503) {
          // Requests go one at a time, so only the one in flight when the broker went can be half published.
          if (tally.refused === 0 && tally.accepted > 0) tally.refusedMidPublish = body.count;
          tally.refused++;
        }
        else tally.otherStatuses.push(res.status);
      } catch {
        tally.inFlightLost += body.count;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    tally,
    async stop(): Promise<BurstTally> {
      running = false;
      await loop;
      return tally;
    },
  };
}
