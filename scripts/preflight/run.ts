import { fail, type Check, type CheckResult, type PreflightContext } from './check.ts';

/** No check may hold up `npm start` for long: one that takes longer than this is reported as failed. */
const CHECK_TIMEOUT_MS = 40_000;

export interface PreflightReport {
  /** Nothing failed: every slide's demo can run. Warnings do not count against it. */
  readonly ready: boolean;
  readonly checks: readonly CheckResult[];
}

async function runOne(check: Check, ctx: PreflightContext): Promise<readonly CheckResult[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve(fail(check.id, `no answer within ${CHECK_TIMEOUT_MS / 1000} s`, 'npm run preflight again; if it hangs, see what the check waits for')),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    const result = await Promise.race([check.run(ctx), timeout]);
    return Array.isArray(result) ? result : [result as CheckResult];
  } catch (error) {
    return [fail(check.id, `the check itself failed: ${(error as Error).message}`, 'report it: this is a bug of preflight')];
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once (each waits on a broker or a process, not on the CPU), reported in list order. */
export async function runPreflight(checks: readonly Check[], ctx: PreflightContext): Promise<PreflightReport> {
  const results = (await Promise.all(checks.map((check) => runOne(check, ctx)))).flat();
  return { ready: results.every((result) => result.status !== 'fail'), checks: results };
}
