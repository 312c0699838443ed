import { createBatchScenario } from './batch/index.ts';
import type { DemoContext, DemoScenario } from './demo-scenario.ts';
import { createMonitoringScenario } from './monitoring/index.ts';
import { createWebApiScenario } from './web-api/index.ts';

/** Every demo scenario the server runs, explicitly: adding a demo is one line here. */
export function createDemoScenarios(context: DemoContext): DemoScenario[] {
  return [createWebApiScenario(context), createBatchScenario(context), createMonitoringScenario(context)];
}
