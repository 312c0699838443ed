// npm run preflight [-- --json]: is everything the deck uses ready? Exit code 0 only when it is.
import { parseArgs } from 'node:util';
import { formatReport } from './format.ts';
import { preflight } from './preflight.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

try {
  const report = await preflight(process.env);
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  process.exitCode = report.ready ? 0 : 1;
} catch (error) {
  // A bad variable (PORT=abc): loadConfig says which and how it must look.
  console.error((error as Error).message);
  process.exitCode = 1;
}
