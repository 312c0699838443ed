import type { CheckStatus } from './check.ts';
import type { PreflightReport } from './run.ts';

const marks: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗' };

/** The checklist for a terminal: one line a check, its fix after the arrow, and the verdict. */
export function formatReport(report: PreflightReport): string {
  const lines = report.checks.map((check) => `  ${marks[check.status]} ${check.summary}${check.fix ? `  →  ${check.fix}` : ''}`);
  const failed = report.checks.filter((check) => check.status === 'fail').length;
  const warned = report.checks.filter((check) => check.status === 'warn').length;
  const verdict = report.ready
    ? `Ready: every demo of the deck can run${warned > 0 ? ` (${warned} to look at, marked !)` : ''}.`
    : `Not ready: ${failed} to fix (✗, each with its command)${warned > 0 ? `, ${warned} to look at (!)` : ''}.`;
  return ['Preflight', ...lines, verdict].join('\n');
}
