import { createBatchScenario } from './batch/index.ts';
import { ChainingScenario } from './chaining/index.ts';
import type { DemoContext, DemoScenario } from './demo-scenario.ts';
import { createMonitoringScenario } from './monitoring/index.ts';
import { ReliabilityScenario } from './reliability/reliability-scenario.ts';
import { ResultsScenario } from './results/index.ts';
import { RetriesScenario } from './retries/retries-scenario.ts';
import { SchedulingScenario } from './scheduling/index.ts';
import { createWebApiScenario } from './web-api/index.ts';

/** Every demo scenario the server runs, explicitly: adding a demo is one line here. */
export function createDemoScenarios(context: DemoContext): DemoScenario[] {
  return [
    new ReliabilityScenario(context),
    new RetriesScenario(context),
    new ChainingScenario(context),
    new SchedulingScenario(context),
    new ResultsScenario(context),
    createWebApiScenario(context),
    createBatchScenario(context),
    createMonitoringScenario(context),
  ];
}
