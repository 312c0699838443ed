import type { ChainFramework } from '../../protocol/demos/chaining.ts';
import type { Unavailable } from '../lane-availability.ts';
import type { ChainRun } from './chain-run.ts';

/** One framework's way of running the three-step pipeline, following each step by the framework's own events. */
export interface ChainRunner {
  readonly framework: ChainFramework;
  unavailable(): Unavailable | null;
  /** Sends the pipeline; resolves once the broker has it. The run it returns moves as events arrive. */
  run(failMiddle: boolean): Promise<ChainRun>;
  /** Forgets the current run: its late events change nothing. */
  forget(): Promise<void>;
  close(): Promise<void>;
}
