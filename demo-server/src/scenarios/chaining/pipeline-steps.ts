import { chainStepNames, type ChainStepName } from '../../protocol/demos/chaining.ts';

/**
 * The pipeline every framework runs, as demo-server/workers/celery_pipeline.py and dramatiq_pipeline.py
 * write it for Python: fetch(n) -> [1..n], transform(rows) -> squares, store(rows) -> count and total.
 * The BullMQ flow runs these functions; the tests check every framework's values against them.
 */
export const PIPELINE_INPUT = 3;
/** How long each step works, ms (STEP_S in the Python modules): long enough to watch. */
export const STEP_MS = 600;

export type StepValue = number[] | { rows: number; total: number };

export function runStep(step: ChainStepName, input: unknown): StepValue {
  switch (step) {
    case 'fetch':
      return Array.from({ length: Number(input) }, (_, i) => i + 1);
    case 'transform':
      return rowsOf(input).map((row) => row * row);
    case 'store': {
      const rows = rowsOf(input);
      return { rows: rows.length, total: rows.reduce((sum, row) => sum + row, 0) };
    }
  }
}

function rowsOf(input: unknown): number[] {
  if (!Array.isArray(input) || !input.every((row) => typeof row === 'number')) {
    throw new TypeError(`expected a list of numbers from the previous step, got ${JSON.stringify(input)}`);
  }
  return input;
}

export const stepIndex = (name: string): number => chainStepNames.indexOf(name as ChainStepName);
