/** Redis names the BullMQ lane and its workers agree on, wherever they run. */
export function bullmqNames(namespace: string) {
  return {
    prefix: namespace,
    queue: 'jobs',
    heartbeats: `${namespace}:jobs:workers`,
  } as const;
}

/** Events kept in the queue's Redis stream: enough that a 100,000-job burst is never trimmed before it is read. */
export const BULLMQ_EVENTS_MAX_LEN = 500_000;
