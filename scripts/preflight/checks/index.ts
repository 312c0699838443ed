import type { Check } from '../check.ts';
import { rabbitmqCheck, redisCheck } from './brokers.ts';
import { chromiumCheck, fontsCheck } from './machine.ts';
import { bindCheck, portCheck } from './network.ts';
import { recordingsCheck } from './recordings.ts';
import { nodeWorkersCheck, pythonWorkersCheck } from './workers.ts';

/** Everything the deck uses, in the order the checklist prints it. Each check only looks; none starts anything. */
export const preflightChecks: readonly Check[] = [
  redisCheck,
  rabbitmqCheck,
  nodeWorkersCheck,
  pythonWorkersCheck,
  fontsCheck,
  chromiumCheck,
  portCheck,
  bindCheck,
  recordingsCheck,
];
