import { ChainingScenario } from './chaining/index.ts';
import type { DemoContext, DemoScenario } from './demo-scenario.ts';
import { ResultsScenario } from './results/index.ts';
import { SchedulingScenario } from './scheduling/index.ts';

/** Every demo scenario the server runs, explicitly: adding a demo is one line here. */
export function createDemoScenarios(context: DemoContext): DemoScenario[] {
  return [new ChainingScenario(context), new SchedulingScenario(context), new ResultsScenario(context)];
}
