import { HEARTBEAT_INTERVAL_MS, type Heartbeat } from '../lanes/worker-heartbeats.ts';
import type { WorkerIdentity } from './identity.ts';

/** Announces the worker through its broker every second, and says goodbye on a clean stop. */
export function startHeartbeats(
  identity: WorkerIdentity,
  concurrency: number,
  publish: (payload: string) => Promise<void>,
) {
  const beat = (bye?: boolean) => {
    const heartbeat: Heartbeat = { ...identity, concurrency, ...(bye ? { bye } : {}) };
    return publish(JSON.stringify(heartbeat)).catch(() => {});
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await beat(true);
    },
  };
}
