import { createBatchScenario } from './batch/index.ts';
import type { DemoContext, DemoScenario } from './demo-scenario.ts';
import { createMonitoringScenario } from './monitoring/index.ts';
import { ReliabilityScenario } from './reliability/reliability-scenario.ts';
import { RetriesScenario } from './retries/retries-scenario.ts';
import { createWebApiScenario } from './web-api/index.ts';

/** Every demo scenario the server runs, explicitly: adding a demo is one line here. */
export function createDemoScenarios(context: DemoContext): DemoScenario[] {
  return [
    new ReliabilityScenario(context),
    new RetriesScenario(context),
    createWebApiScenario(context),
    createBatchScenario(context),
    createMonitoringScenario(context),
  ];
}
