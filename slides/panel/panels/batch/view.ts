import { batchLanes, type BatchLane } from '../../../../demo-server/src/protocol/index.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText, svg } from '../../dom.ts';
import { formatCount } from '../../format.ts';
import type { BatchViewModel, WorkerBar } from './model.ts';

const CHART_W = 600;
const CHART_H = 150;
const laneLabels: Record<BatchLane, string> = { bullmq: 'BullMQ', rabbitmq: 'RabbitMQ' };

export interface BatchView {
  readonly root: HTMLElement;
  readonly laneButtons: ReadonlyMap<BatchLane, HTMLButtonElement>;
  readonly startButton: HTMLButtonElement;
  readonly addButton: HTMLButtonElement;
  render(vm: BatchViewModel, chosenLane: BatchLane): void;
  setMessage(text: string): void;
}

export function createBatchView(): BatchView {
  const button = (label: string, title: string) => html('button', { type: 'button', title }, label);
  const laneButtons = new Map(batchLanes.map((lane) => [lane, button(laneLabels[lane], `Run the batch on ${laneLabels[lane]}`)]));
  const startButton = button('Start the batch', 'Enqueue the whole batch at once, on one worker process');
  const addButton = button('Add a worker', 'Start one more worker process for the lane while the batch runs');
  const controls = html('div', { class: 'demo-batch-controls', 'data-controls': 'hidden' },
    html('div', { class: 'demo-group' }, html('span', { class: 'demo-group-label' }, 'lane'), ...laneButtons.values()),
    html('div', { class: 'demo-group' }, startButton, addButton));
  const title = html('span', { class: 'demo-title' });
  const head = html('div', { class: 'demo-head' }, title, controls);

  const fill = html('span', { class: 'demo-batch-fill' });
  const progressText = html('span', { class: 'demo-batch-progress-text', role: 'status' });
  const progress = html('div', { class: 'demo-batch-progress' }, fill, progressText);

  const workerList = html('div', { class: 'demo-batch-workers', role: 'list', 'aria-label': 'Jobs done per worker' });
  const share = html('div', { class: 'demo-batch-share' }, html('div', { class: 'demo-batch-sub' }, 'Jobs done per worker (from the lane’s events)'), workerList);
  const chart = svg('svg', { class: 'demo-batch-chart', viewBox: `0 0 ${CHART_W} ${CHART_H}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  const axis = html('div', { class: 'demo-batch-axis', 'aria-hidden': 'true' });
  const peak = html('span');
  const key = (cls: string, text: string) => html('span', { class: 'demo-batch-key' }, html('span', { class: `demo-batch-swatch ${cls}` }), text);
  const legend = html('div', { class: 'demo-batch-legend' }, key('demo-batch-added', 'worker added'), key('demo-batch-joined', 'its first job done'));
  const chartBox = html('div', { class: 'demo-batch-chart-box' },
    html('div', { class: 'demo-batch-sub' }, 'Jobs done per second', peak), chart, axis, legend);
  const body = html('div', { class: 'demo-batch-body' }, share, chartBox);

  const rates = html('div', { class: 'demo-batch-rates' });
  const status = html('div', { class: 'demo-batch-status' });
  const problem = html('div', { class: 'demo-lane-problem', role: 'status' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const root = html('div', { class: 'demo-panel demo-batch' }, banner, head, progress, body, rates, status, problem, message, caption);

  let lastCaption = '';
  let lastChart = '';
  let lastProblem: string | undefined;

  function render(vm: BatchViewModel, chosenLane: BatchLane): void {
    setAttr(controls, 'data-controls', vm.controls);
    setText(title, vm.title);
    const shownLane = vm.running && vm.lane ? vm.lane : chosenLane;
    for (const [lane, b] of laneButtons) {
      setAttr(b, 'aria-pressed', String(lane === shownLane));
      setFlag(b, 'disabled', vm.controls !== 'enabled' || vm.running);
    }
    setFlag(startButton, 'disabled', vm.controls !== 'enabled' || vm.running);
    setFlag(addButton, 'disabled', vm.controls !== 'enabled' || !vm.canAdd);
    fill.style.width = `${(vm.progress * 100).toFixed(1)}%`;
    setText(progressText, vm.progressText);
    renderWorkers(workerList, vm.workers);
    const chartKey = JSON.stringify([vm.perSecond, vm.addedAtS, vm.joinedAtS]);
    if (chartKey !== lastChart) {
      lastChart = chartKey;
      setText(peak, ` · max ${formatCount(Math.max(0, ...vm.perSecond))}`);
      renderChart(chart, axis, vm);
    }
    setText(rates, vm.rates);
    setText(status, vm.status);
    if (vm.problem !== lastProblem) {
      lastProblem = vm.problem;
      problem.replaceChildren(...captionNodes(vm.problem ?? ''));
    }
    setFlag(banner, 'hidden', vm.banner === undefined);
    setText(banner, vm.banner ?? '');
    if (vm.caption !== lastCaption) {
      lastCaption = vm.caption;
      caption.replaceChildren(...captionNodes(vm.caption));
    }
  }

  return { root, laneButtons, startButton, addButton, render, setMessage: (text) => setText(message, text) };
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

function renderChart(chart: SVGSVGElement, axis: HTMLElement, vm: BatchViewModel): void {
  const seconds = Math.max(10, vm.perSecond.length);
  const top = Math.max(1, ...vm.perSecond);
  const w = CHART_W / seconds;
  const shapes: SVGElement[] = [svg('rect', { class: 'demo-batch-track', x: 0, y: 0, width: CHART_W, height: CHART_H })];
  vm.perSecond.forEach((n, s) => {
    const h = (n / top) * (CHART_H - 6);
    shapes.push(svg('rect', { class: 'demo-batch-col', x: s * w + 1, y: CHART_H - h, width: Math.max(1, w - 2), height: h }));
  });
  const marker = (at: number | undefined, cls: string) => {
    if (at === undefined) return;
    const x = (at / seconds) * CHART_W;
    shapes.push(svg('rect', { class: cls, x: x - 1.5, y: 0, width: 3, height: CHART_H }));
  };
  marker(vm.addedAtS, 'demo-batch-added');
  marker(vm.joinedAtS, 'demo-batch-joined');
  chart.replaceChildren(...shapes);
  const step = seconds <= 20 ? 5 : seconds <= 60 ? 10 : 30;
  const ticks: HTMLElement[] = [];
  for (let s = 0; s <= seconds; s += step) {
    const tick = html('span', { class: 'demo-batch-tick' }, `${s} s`);
    tick.style.left = `${(s / seconds) * 100}%`;
    if (s === 0) tick.dataset.align = 'start';
    else if (s + step > seconds) tick.dataset.align = 'end';
    ticks.push(tick);
  }
  axis.replaceChildren(...ticks);
}
