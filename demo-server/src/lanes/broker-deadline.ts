/**
 * Longest a broker call the HTTP layer waits on may take: a request answers within 5 s (503 with the
 * reason) instead of hanging on a broker that stopped reading, e.g. during a resource alarm.
 */
export const BROKER_CALL_TIMEOUT_MS = 4_000;

/** A broker call that did not complete: the broker is silent, or said it blocks us. */
export class BrokerStalled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerStalled';
  }
}

/**
 * Resolves as `work` does, or rejects with BrokerStalled after `ms`, or as soon as `interrupt` is
 * called with a reason. The work itself goes on (a broker may still confirm later); only the wait ends.
 */
export function withDeadline<T>(
  work: Promise<T>,
  what: string,
  { ms = BROKER_CALL_TIMEOUT_MS, interrupt }: { ms?: number; interrupt?: (stop: (reason: string) => void) => () => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let unsubscribe: (() => void) | undefined;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      action();
    };
    const timer = setTimeout(() => settle(() => reject(new BrokerStalled(`${what}: no answer from the broker within ${ms / 1000} s`))), ms);
    unsubscribe = interrupt?.((reason) => settle(() => reject(new BrokerStalled(`${what}: ${reason}`))));
    // Interrupted while subscribing: the listener is not needed any more.
    if (settled) unsubscribe?.();
    work.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
