// The checklist at the top of `npm start`'s output. It never stops the start: a lane without its
// broker or worker says so on its slide, and comes up when it is fixed.
import { formatReport } from './format.ts';
import { preflight } from './preflight.ts';

try {
  console.log(formatReport(await preflight(process.env)));
} catch (error) {
  // A configuration the server cannot read: the server says the same and stops, right after this.
  console.error(`Preflight: ${(error as Error).message}`);
}
