import type { DemoName, DemoStates } from '../../demo-server/src/protocol/index.ts';
import type { DemoServer } from '../../demo-server/src/server.ts';

/** A demo's command over HTTP, as a panel sends it; fails with the server's answer when refused. */
export async function demoCommand(server: DemoServer, demo: DemoName, command: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/demos/${demo}/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${demo}/${command}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A demo's state as every deck receives it. */
export async function demoState<N extends DemoName>(server: DemoServer, demo: N): Promise<DemoStates[N]> {
  const res = await fetch(`${server.url}/api/demos/${demo}`);
  return ((await res.json()) as { state: DemoStates[N] }).state;
}

/** Polls the demo's state until `done` says so, or fails saying what it waited for. */
export async function demoStateWhen<N extends DemoName>(
  server: DemoServer,
  demo: N,
  done: (state: DemoStates[N]) => boolean,
  what: string,
  timeoutMs: number,
): Promise<DemoStates[N]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await demoState(server, demo);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
