import type { ChainColumn, ChainFramework, ChainingState, ChainStep } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import { chainFrameworks, chainStepNames } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import { sentences } from '../../captions.ts';
import { formatSeconds } from '../../format.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

/** Where the panel's steps and values come from, said under it. */
const SOURCES =
  'Steps from each framework’s events; values read back from its result store: Celery `celery-task-meta-<id>`, Dramatiq’s Results middleware, BullMQ `job.returnvalue`.';

/** How each framework spells a chain, for the row's title. */
export const chainLabels: Record<ChainFramework, { name: string; api: string }> = {
  celery: { name: 'Celery', api: 'chain' },
  dramatiq: { name: 'Dramatiq', api: 'pipeline' },
  bullmq: { name: 'BullMQ', api: 'FlowProducer' },
};

export interface StepView {
  readonly name: string;
  readonly state: ChainStep['state'];
  /** `✓ 0.60 s`, `running…`, `never ran`. */
  readonly status: string;
  /** The return value read back from the store, or the error. */
  readonly detail: string;
}

export interface RowView {
  readonly framework: ChainFramework;
  readonly status: ChainColumn['status'];
  readonly steps: readonly StepView[];
  /** What happened, in a sentence; backticks mark code. */
  readonly outcome: string;
}

const waitingStep = (name: string): StepView => ({ name, state: 'waiting', status: '', detail: '' });

function stepStatus(step: ChainStep, framework: ChainFramework): string {
  const took = step.startedMs !== null && step.endedMs !== null ? ` ${formatSeconds(step.endedMs - step.startedMs)}` : '';
  switch (step.state) {
    case 'waiting':
      // A flow's parents are in Redis from the start, waiting for their children; a chain's next step is not sent yet.
      return framework === 'bullmq' ? 'waiting for child' : 'not sent yet';
    case 'queued':
      return 'queued';
    case 'running':
      return step.retries > 0 ? `running (retry ${step.retries})` : 'running…';
    case 'retrying':
      return `retry ${step.retries} waiting`;
    case 'succeeded':
      return `✓${took}`;
    case 'failed':
      if (step.startedMs === null) return '✗ failed, never ran';
      return step.retries > 0 ? `✗ ${step.retries} retries` : '✗ failed';
    case 'never':
      return 'never ran';
  }
}

function stepView(step: ChainStep, framework: ChainFramework): StepView {
  const detail = step.state === 'failed' || step.state === 'retrying' ? (step.error ?? '') : (step.value ?? (step.state === 'succeeded' ? '…' : ''));
  return { name: step.name, state: step.state, status: stepStatus(step, framework), detail };
}

/** Why the run ended where it did, in each framework's own terms. */
function outcome(column: ChainColumn): string {
  const { framework, steps } = column;
  const last = steps[steps.length - 1];
  switch (column.status) {
    case 'unavailable':
      return [column.note, column.hint].filter(Boolean).join('. ');
    case 'idle':
      return 'Ready.';
    case 'running':
      return steps.some((step) => step.state === 'retrying') ? 'transform failed: retrying with backoff…' : 'Running…';
    case 'succeeded':
      return `Done in ${formatSeconds(last?.endedMs ?? 0)}: each step got the previous step’s return value.`;
    case 'failed': {
      const retries = steps[1]?.retries ?? 0;
      if (framework === 'celery') return 'The chain stopped: `store` was never sent; Celery stored transform’s exception as the result of both.';
      if (framework === 'dramatiq') {
        return `The pipeline stopped: transform failed after ${retries} retries and was dead-lettered (XQ); \`store\` was never enqueued.`;
      }
      return '`failParentOnFailure`: BullMQ failed `store` without running it (without it, store would wait forever).';
    }
  }
}

export function chainRows(state: ChainingState | undefined, frameworks: readonly ChainFramework[]): RowView[] {
  return frameworks.map((framework) => {
    const column = state?.columns.find((c) => c.framework === framework);
    if (!column) return { framework, status: 'idle', steps: chainStepNames.map(waitingStep), outcome: '' };
    const steps = column.steps.length > 0 ? column.steps.map((step) => stepView(step, framework)) : chainStepNames.map(waitingStep);
    return { framework, status: column.status, steps, outcome: outcome(column) };
  });
}

export interface ChainingViewModel extends FrameModel {
  readonly rows: readonly RowView[];
  /** Whether the next run makes the middle step fail: the speaker's choice, else the last run's. */
  readonly failMiddle: boolean;
}

export function chainingViewModel(input: SourceInput, chosenFailMiddle: boolean | undefined): ChainingViewModel {
  const source = selectDemo('chaining', input);
  return {
    rows: chainRows(source.state, chainFrameworks),
    failMiddle: chosenFailMiddle ?? source.state?.failMiddle ?? false,
    controls: source.controls,
    banner: source.banner,
    caption: sentences(SOURCES, source.note),
    dim: source.dim,
  };
}
