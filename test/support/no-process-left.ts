import { randomUUID } from 'node:crypto';
import { processesWithEnv, type RunningProcess } from './processes.ts';

/** Marks every process the tests start, through the environment they all inherit. */
export const TEST_RUN_VARIABLE = 'DEMO_TEST_RUN';
/** A worker the tests' servers started keeps working a few seconds after its server died, then stops. */
const SETTLE_MS = 30_000;

/** vitest's own processes carry the mark too: they end after this teardown. */
const isVitest = (process: RunningProcess) => process.command.includes('node_modules/vitest/');

/**
 * vitest globalSetup: `npm test` fails when a process a test started (a server, a worker, a broker,
 * a browser) is still running once every test has finished: an orphan on a speaker's laptop keeps
 * consuming from the queues and competes with the next demo server.
 */
export default function markTestProcesses(): () => Promise<void> {
  const run = randomUUID();
  process.env[TEST_RUN_VARIABLE] = run;
  return async function failOnProcessesLeft(): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    let left = processesWithEnv(TEST_RUN_VARIABLE, run).filter((p) => !isVitest(p));
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = processesWithEnv(TEST_RUN_VARIABLE, run).filter((p) => !isVitest(p));
    }
    if (left.length === 0) return;
    // Ended, so they do not outlive this run either; the failure says who they were.
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    // vitest prints an error thrown here but still exits 0: the exit code is set by hand.
    process.exitCode = 1;
    throw new Error(
      `${left.length} process(es) started by the tests were still running ${SETTLE_MS / 1000} s after the last test (now killed):\n` +
        left.map((p) => `  ${p.pid} ${p.command}`).join('\n'),
    );
  };
}
