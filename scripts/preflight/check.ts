import type { DemoConfig } from '../../demo-server/src/config.ts';

/**
 * ok: ready. warn: the talk runs, but look at it (an open bind address, recordings older than the
 * code). fail: something a slide uses will not work; preflight exits 1.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly summary: string;
  /** The command (or the line of config) that makes it ready; given whenever status is not ok. */
  readonly fix?: string;
}

export interface PreflightContext {
  /** The server's own configuration, read from the same environment `npm start` reads. */
  readonly config: DemoConfig;
  /** The repository's root folder. */
  readonly root: string;
}

/**
 * One thing the talk needs, checked without changing anything. A check answers for itself and may
 * answer for several lines (one per framework, say); it never throws on what it finds.
 */
export interface Check {
  readonly id: string;
  run(ctx: PreflightContext): Promise<CheckResult | readonly CheckResult[]>;
}

export const ok = (id: string, summary: string): CheckResult => ({ id, status: 'ok', summary });
export const warn = (id: string, summary: string, fix: string): CheckResult => ({ id, status: 'warn', summary, fix });
export const fail = (id: string, summary: string, fix: string): CheckResult => ({ id, status: 'fail', summary, fix });
