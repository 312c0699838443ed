import type { LaneName } from '../../demo-server/src/protocol/index.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';

/**
 * Waits until each of the lanes that is up has a worker that announced itself (the Python ones take a
 * while), so a recording never shows jobs waiting for a worker to boot; resolves with those that do.
 */
export async function lanesWithWorkers(server: DemoServer, lanes: readonly LaneName[], timeoutMs = 30_000): Promise<LaneName[]> {
  const up = lanes.filter((name) => server.hub.lane(name)?.health().status === 'up');
  const ready = () => up.filter((name) => (server.hub.lane(name)?.workers().length ?? 0) > 0);
  const deadline = Date.now() + timeoutMs;
  while (ready().length < up.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  return ready();
}
