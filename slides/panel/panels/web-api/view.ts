import { webApiLanes, type WebApiLane } from '../../../../demo-server/src/protocol/index.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText, svg } from '../../dom.ts';
import type { TimelineRow, VariantModel, WebApiViewModel } from './model.ts';

/** The timelines' drawing width in SVG units; the SVG scales to the panel. */
const WIDTH = 1000;
/** Height of one variant's rows, SVG units: 20 requests share it, one request gets a fat bar. */
const ROWS_HEIGHT = 118;
const MAX_ROW = 40;

const laneLabels: Record<WebApiLane, string> = { bullmq: 'BullMQ', rabbitmq: 'RabbitMQ', celery: 'Celery' };

export const roundSizes = [1, 20] as const;

export interface WebApiView {
  readonly root: HTMLElement;
  readonly laneButtons: ReadonlyMap<WebApiLane, HTMLButtonElement>;
  readonly fireButtons: ReadonlyMap<(typeof roundSizes)[number], HTMLButtonElement>;
  render(vm: WebApiViewModel, chosenLane: WebApiLane): void;
  setMessage(text: string): void;
}

interface Section {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly summary: HTMLElement;
  readonly chart: SVGSVGElement;
}

function section(variant: string): Section {
  const title = html('span', { class: 'demo-webapi-title' });
  const summary = html('span', { class: 'demo-webapi-summary', 'data-variant': variant });
  const chart = svg('svg', { class: 'demo-webapi-chart', viewBox: `0 0 ${WIDTH} ${ROWS_HEIGHT}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  const root = html('div', { class: 'demo-webapi-section', 'data-variant': variant }, html('div', { class: 'demo-webapi-line' }, title, summary), chart);
  return { root, title, summary, chart };
}

export function createWebApiView(): WebApiView {
  const button = (label: string, title: string) => html('button', { type: 'button', title }, label);
  const laneButtons = new Map(webApiLanes.map((lane) => [lane, button(laneLabels[lane], `Hand the email to ${laneLabels[lane]}`)]));
  const fireButtons = new Map(
    roundSizes.map((n) => [n, button(n === 1 ? '1 request each' : `${n} at once`, `Send ${n} signup request(s) to each variant at the same moment`)]),
  );
  const lanes = html('div', { class: 'demo-group' }, html('span', { class: 'demo-group-label' }, 'lane'), ...laneButtons.values());
  const fire = html('div', { class: 'demo-group' }, ...fireButtons.values());
  const controls = html('div', { class: 'demo-webapi-controls', 'data-controls': 'hidden' }, lanes, fire);
  const head = html('div', { class: 'demo-head' }, html('span', { class: 'demo-title' }, 'Signup endpoint'), controls);
  const headline = html('div', { class: 'demo-webapi-headline' });
  const sections = { async: section('async'), sync: section('sync') };
  const axis = html('div', { class: 'demo-webapi-axis', 'aria-hidden': 'true' });
  const key = (cls: string, text: string) => html('span', { class: 'demo-webapi-key' }, html('span', { class: `demo-webapi-swatch ${cls}` }), text);
  const legend = html('div', { class: 'demo-webapi-legend' },
    key('demo-webapi-req', 'request open, client waiting'),
    key('demo-webapi-job', 'email job on a worker (lane events)'));
  const problem = html('div', { class: 'demo-lane-problem', role: 'status' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const root = html('div', { class: 'demo-panel demo-webapi' },
    banner, head, headline, sections.async.root, sections.sync.root, axis, legend, problem, message, caption);

  let lastCaption = '';
  let lastProblem: string | undefined;

  function render(vm: WebApiViewModel, chosenLane: WebApiLane): void {
    setAttr(controls, 'data-controls', vm.controls);
    const shownLane = vm.running && vm.lane ? vm.lane : chosenLane;
    for (const [lane, b] of laneButtons) {
      setAttr(b, 'aria-pressed', String(lane === shownLane));
      setFlag(b, 'disabled', vm.controls !== 'enabled');
    }
    for (const b of fireButtons.values()) setFlag(b, 'disabled', vm.controls !== 'enabled');
    setText(headline, vm.lane ? `${vm.headline} · lane ${laneLabels[vm.lane]}` : vm.headline);
    for (const variant of vm.variants) drawSection(sections[variant.variant], variant, vm.scaleMs);
    drawAxis(axis, vm.scaleMs);
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

  return { root, laneButtons, fireButtons, render, setMessage: (text) => setText(message, text) };
}

function drawSection(s: Section, vm: VariantModel, scaleMs: number): void {
  setText(s.title, vm.title);
  setText(s.summary, vm.summary);
  const x = (ms: number) => (Math.min(ms, scaleMs) / scaleMs) * WIDTH;
  const n = Math.max(1, vm.rows.length);
  const rowH = Math.min(MAX_ROW, ROWS_HEIGHT / n);
  const shapes: SVGElement[] = [svg('rect', { class: 'demo-webapi-track', x: 0, y: 0, width: WIDTH, height: ROWS_HEIGHT })];
  vm.rows.forEach((row: TimelineRow, i) => {
    const top = i * rowH;
    const bar = (cls: string, from: number, to: number, y: number, h: number) =>
      svg('rect', { class: cls, x: x(from), y, width: Math.max(3, x(to) - x(from)), height: h });
    shapes.push(bar(`demo-webapi-req${row.answered ? '' : ' demo-webapi-pending'}`, row.sentMs, row.answeredMs, top + rowH * 0.12, rowH * 0.36));
    if (row.jobStartMs !== undefined && row.jobEndMs !== undefined) {
      shapes.push(bar(`demo-webapi-job${row.jobDone ? '' : ' demo-webapi-pending'}`, row.jobStartMs, row.jobEndMs, top + rowH * 0.52, rowH * 0.36));
    }
    if (row.error !== undefined) shapes.push(svg('rect', { class: 'demo-webapi-error', x: 0, y: top, width: WIDTH, height: rowH }));
  });
  s.chart.replaceChildren(...shapes);
  setAttr(s.root, 'data-rows', String(vm.rows.length));
}

/** Seconds under the timelines, as text in HTML: SVG text would stretch with the charts. */
function drawAxis(axis: HTMLElement, scaleMs: number): void {
  const key = String(scaleMs);
  if (axis.dataset.scale === key) return;
  axis.dataset.scale = key;
  const stepMs = scaleMs <= 3_000 ? 500 : scaleMs <= 8_000 ? 1_000 : 2_000;
  const ticks: HTMLElement[] = [];
  for (let ms = 0; ms <= scaleMs; ms += stepMs) {
    const align = ms === 0 ? 'start' : ms + stepMs > scaleMs ? 'end' : 'middle';
    const tick = html('span', { class: 'demo-webapi-tick', 'data-align': align }, `${ms / 1000} s`);
    tick.style.left = `${(ms / scaleMs) * 100}%`;
    ticks.push(tick);
  }
  axis.replaceChildren(...ticks);
}
