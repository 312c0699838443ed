import { chainStepNames, type ChainStep, type ChainStepState } from '../../protocol/demos/chaining.ts';

const MAX_VALUE_CHARS = 200;
const MAX_ERROR_CHARS = 300;

/** How far a step got: a late event never moves it back (events of one step may arrive out of order). */
const rank: Record<ChainStepState, number> = { waiting: 0, queued: 1, running: 2, retrying: 2, succeeded: 3, failed: 3, never: 3 };

/**
 * One run of the three-step pipeline on one framework, as its events report it. A step that
 * succeeds queues the next (each framework sends the next step only then); a step that fails for
 * good leaves the steps after it `never` run, unless the framework itself says otherwise.
 */
export class ChainRun {
  private readonly steps: ChainStep[];

  constructor(
    ids: readonly string[],
    private readonly sentAt: number,
    private readonly now: () => number = Date.now,
  ) {
    this.steps = chainStepNames.map((name, i) => ({
      name,
      id: ids[i]!,
      state: i === 0 ? 'queued' : 'waiting',
      value: null,
      error: null,
      retries: 0,
      startedMs: null,
      endedMs: null,
    }));
  }

  indexOf(id: string): number {
    return this.steps.findIndex((step) => step.id === id);
  }

  queued(i: number): void {
    this.move(i, 'queued');
  }

  started(i: number): void {
    const step = this.steps[i];
    if (step && this.move(i, 'running')) step.startedMs ??= this.elapsed();
  }

  retrying(i: number, error?: string): void {
    const step = this.steps[i];
    if (!step || !this.move(i, 'retrying')) return;
    step.retries += 1;
    if (error) step.error = error.slice(0, MAX_ERROR_CHARS);
  }

  succeeded(i: number): void {
    const step = this.steps[i];
    if (!step || !this.move(i, 'succeeded')) return;
    step.error = null;
    step.endedMs = this.elapsed();
    this.queued(i + 1);
  }

  /** The return value, as read back from the framework's result store. */
  stored(i: number, value: unknown): void {
    const step = this.steps[i];
    if (step) step.value = (JSON.stringify(value) ?? 'null').slice(0, MAX_VALUE_CHARS);
  }

  /** Failed for good. The framework may fail a later step itself (BullMQ's failParentOnFailure): that wins over `never`. */
  failed(i: number, error: string): void {
    const step = this.steps[i];
    if (!step || step.state === 'succeeded' || step.state === 'failed') return;
    step.state = 'failed';
    step.error = error.slice(0, MAX_ERROR_CHARS);
    step.endedMs = this.elapsed();
    for (const later of this.steps.slice(i + 1)) if (rank[later.state] < rank.succeeded) later.state = 'never';
  }

  status(): 'running' | 'succeeded' | 'failed' {
    if (this.steps.some((step) => step.state === 'failed')) return this.steps.every((step) => rank[step.state] === 3) ? 'failed' : 'running';
    return this.steps.every((step) => step.state === 'succeeded') ? 'succeeded' : 'running';
  }

  view(): ChainStep[] {
    return this.steps.map((step) => ({ ...step }));
  }

  private move(i: number, state: ChainStepState): boolean {
    const step = this.steps[i];
    if (!step || rank[state] < rank[step.state] || step.state === 'never') return false;
    step.state = state;
    return true;
  }

  private elapsed(): number {
    return Math.max(0, this.now() - this.sentAt);
  }
}
