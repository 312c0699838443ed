import type { DemoContext, DemoScenario } from './demo-scenario.ts';
import { ReliabilityScenario } from './reliability/reliability-scenario.ts';
import { RetriesScenario } from './retries/retries-scenario.ts';

/** Every demo scenario the server runs, explicitly: adding a demo is one line here. */
export function createDemoScenarios(context: DemoContext): DemoScenario[] {
  return [
    new ReliabilityScenario(context),
    new RetriesScenario(context),
  ];
}
