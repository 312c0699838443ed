import type { BatchLane } from '../../../../demo-server/src/protocol/index.ts';
import { createChart, every } from '../../chart/chart.ts';
import { html, setAttr, setText } from '../../dom.ts';
import { formatCompact, formatCount } from '../../format.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import type { LanePicker } from '../../lane-picker.ts';
import type { BatchViewModel, WorkerBar } from './model.ts';

export interface BatchView {
  readonly startButton: HTMLButtonElement;
  readonly addButton: HTMLButtonElement;
  render(vm: BatchViewModel): void;
  destroy(): void;
}

/** Seconds on the time axis: a tick every 5 s for a short run, fewer as it gets longer. */
const secondsStep = (seconds: number): number => (seconds <= 20 ? 5 : seconds <= 60 ? 10 : 30);

export function createBatchView(frame: PanelFrame, picker: LanePicker<BatchLane>): BatchView {
  const startButton = frame.button('Start the batch', 'Enqueue the whole batch at once, on one worker process');
  const addButton = frame.button('Add a worker', 'Start one more worker process for the lane while the batch runs');
  frame.controls.append(picker.group, frame.group(undefined, startButton, addButton));

  const fill = html('span', { class: 'demo-batch-fill' });
  const progressText = html('span', { class: 'demo-batch-progress-text', role: 'status' });
  const progress = html('div', { class: 'demo-batch-progress' }, fill, progressText);

  const workerList = html('div', { class: 'demo-batch-workers', role: 'list', 'aria-label': 'Jobs done per worker' });
  const share = html('div', { class: 'demo-batch-share' }, html('div', { class: 'demo-batch-sub' }, 'Jobs done per worker (from the lane’s events)'), workerList);
  // Bars of the jobs done in each second; the worker's arrival and its first job as lines across.
  const chart = createChart({
    label: 'Jobs done per second since the start, with when the worker was added and when it finished its first job',
    x: { format: (v) => `${v} s`, splits: (_min, max) => every(secondsStep(max))(0, max) },
    y: { format: formatCompact, size: 40, range: (_min, max) => [0, Math.max(1, max) * 1.08] },
    series: [{ kind: 'bars', color: 'var(--demo-done)' }],
    padding: [6, 16, 0, 0],
  });
  const key = (cls: string, text: string) => html('span', { class: 'demo-batch-key' }, html('span', { class: `demo-batch-swatch ${cls}` }), text);
  const legend = html('div', { class: 'demo-batch-legend' }, key('demo-batch-added', 'worker added'), key('demo-batch-joined', 'its first job done'));
  const chartBox = html('div', { class: 'demo-batch-chart-box' }, html('div', { class: 'demo-batch-sub' }, 'Jobs done per second'), chart.root, legend);
  const rates = html('div', { class: 'demo-batch-rates' });
  const status = html('div', { class: 'demo-batch-status' });
  frame.body.append(progress, html('div', { class: 'demo-batch-body' }, share, chartBox), rates, status);

  let lastChart = '';

  function render(vm: BatchViewModel): void {
    frame.setTitle(vm.title);
    frame.present(vm, (button) => (button === addButton ? vm.canAdd : !vm.running));
    picker.show(vm.running ? vm.lane : undefined);
    fill.style.width = `${(vm.progress * 100).toFixed(1)}%`;
    setText(progressText, vm.progressText);
    renderWorkers(workerList, vm.workers);
    const chartKey = JSON.stringify([vm.perSecond, vm.addedAtS, vm.joinedAtS]);
    if (chartKey !== lastChart) {
      lastChart = chartKey;
      const seconds = Math.max(10, vm.perSecond.length);
      chart.draw({
        x: vm.perSecond.map((_, s) => s + 0.5),
        ys: [[...vm.perSecond]],
        xRange: [0, seconds],
        marks: (paint) => {
          if (vm.addedAtS !== undefined) paint.across(vm.addedAtS, 'warn', 4);
          if (vm.joinedAtS !== undefined) paint.across(vm.joinedAtS, 'fail', 4);
        },
      });
    }
    setText(rates, vm.rates);
    setText(status, vm.status);
  }

  return { startButton, addButton, render, destroy: () => chart.destroy() };
}

function renderWorkers(list: HTMLElement, workers: readonly WorkerBar[]): void {
  while (list.children.length > workers.length) list.lastElementChild!.remove();
  workers.forEach((worker, i) => {
    let row = list.children[i] as HTMLElement | undefined;
    if (!row) {
      row = html('div', { class: 'demo-batch-worker', role: 'listitem' },
        html('span', { class: 'demo-batch-worker-name' }),
        html('span', { class: 'demo-batch-bar' }, html('span', { class: 'demo-batch-bar-fill' })),
        html('span', { class: 'demo-batch-worker-done' }));
      list.append(row);
    }
    const [name, bar, done] = [...row.children] as HTMLElement[];
    setAttr(row, 'data-worker', worker.id);
    setAttr(row, 'title', worker.id);
    const pid = /:(\d+)$/.exec(worker.id)?.[1];
    setText(name!, pid === undefined ? worker.name : `${worker.name} · pid ${pid}`);
    (bar!.firstElementChild as HTMLElement).style.width = `${(worker.share * 100).toFixed(1)}%`;
    setText(done!, formatCount(worker.done));
  });
}
