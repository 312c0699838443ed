import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../demo-server/src/config.ts';
import { preflightChecks } from './checks/index.ts';
import { runPreflight, type PreflightReport } from './run.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The checklist for the server `env` would start: its PORT, HOST, brokers and PYTHON, read as the server reads them. */
export function preflight(env: NodeJS.ProcessEnv): Promise<PreflightReport> {
  return runPreflight(preflightChecks, { config: loadConfig(env), root });
}
