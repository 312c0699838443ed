import type { DemoName, DemoStates } from '../protocol/index.ts';
import type { DemoScenario } from './demo-scenario.ts';

/**
 * Every demo scenario of the server: their states for snapshots and deltas (a state goes out again
 * only when it changed), their commands, and their reset and shutdown.
 */
export class DemoBoard {
  private readonly scenarios = new Map<DemoName, DemoScenario>();
  private readonly lastSent = new Map<DemoName, string>();

  constructor(scenarios: readonly DemoScenario[]) {
    for (const scenario of scenarios) this.scenarios.set(scenario.name, scenario);
  }

  get(name: string): DemoScenario | undefined {
    return this.scenarios.get(name as DemoName);
  }

  names(): DemoName[] {
    return [...this.scenarios.keys()];
  }

  snapshot(): DemoStates {
    const states: Record<string, unknown> = {};
    for (const [name, scenario] of this.scenarios) states[name] = scenario.state();
    return states as DemoStates;
  }

  /** The states that changed since the last call, or null when none did. */
  changes(): DemoStates | null {
    const changed: Record<string, unknown> = {};
    for (const [name, scenario] of this.scenarios) {
      const state = scenario.state();
      const key = JSON.stringify(state);
      if (key === this.lastSent.get(name)) continue;
      this.lastSent.set(name, key);
      changed[name] = state;
    }
    return Object.keys(changed).length > 0 ? (changed as DemoStates) : null;
  }

  async start(): Promise<void> {
    await Promise.all([...this.scenarios.values()].map((scenario) => scenario.start()));
  }

  async reset(): Promise<PromiseSettledResult<void>[]> {
    return Promise.allSettled([...this.scenarios.values()].map((scenario) => scenario.reset()));
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.scenarios.values()].map((scenario) => scenario.stop()));
  }
}
