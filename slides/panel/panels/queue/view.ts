import { html, setAttr, setCodeText, setFlag, setText, svg } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { formatCount, formatLatency, formatRate, NO_VALUE } from '../../format.ts';
import type { Flow } from './dot-budget.ts';
import { circleShape, crossShape, DotLayer, type Route } from './dot-layer.ts';
import { depthFraction, type QueueViewModel } from './model.ts';

/** What the producer sends; `sleep` holds a worker for SLEEP_MS so the queue visibly backs up. */
export const queueKinds = ['noop', 'sleep'] as const;
export type QueueKind = (typeof queueKinds)[number];
export const SLEEP_MS = 200;
export const burstSizes = [1, 100, 10_000] as const;
/**
 * Steady producer rates, jobs/s. One worker runs 8 `sleep 200 ms` jobs at once, 40 jobs/s: 10/s
 * keeps the queue near empty, 50/s outruns one worker but not two, 200/s outruns four.
 */
export const producerRates = [0, 10, 50, 200] as const;
/** Worker processes the server may run for the lane. */
export const consumerCounts = [1, 2, 4] as const;
/** Workers beyond the first are drawn as cards stacked behind the consumer box, at most this many. */
const STACKED_WORKERS = 3;

/**
 * Dots alive at once on one arrow; past this a spawn is dropped (see DotLayer). Enough for a dense
 * stream, few enough that a 20,000-job burst still shows separate dots instead of a cloud.
 */
const DOT_CAPACITY = 32;
const DOT_RADIUS = 6;

// The stage is drawn in these SVG user units and scales with the panel's width.
const W = 1160;
const H = 236;
const MID = 120;
const producer = { x: 0, y: 50, w: 170, h: 140 };
const tube = { x: 280, y: 64, w: 340, h: 112 };
const consumer = { x: 720, y: 50, w: 170, h: 140 };
const sinkX = 950;
const doneY = 56;
const failY = 144;
const tubeRight = tube.x + tube.w;

const routes: Record<Flow, Route> = {
  enqueued: { x0: producer.x + producer.w + 4, y0: MID, x1: tube.x + 8, y1: MID },
  started: { x0: tubeRight + 4, y0: MID, x1: consumer.x + 8, y1: MID },
  completed: { x0: consumer.x + consumer.w + 4, y0: MID - 12, x1: sinkX + 12, y1: doneY },
  failed: { x0: consumer.x + consumer.w + 4, y0: MID + 12, x1: sinkX + 12, y1: failY },
};

export interface QueueView {
  readonly enqueueButtons: ReadonlyMap<(typeof burstSizes)[number], HTMLButtonElement>;
  readonly kindButtons: ReadonlyMap<QueueKind, HTMLButtonElement>;
  readonly rateButtons: ReadonlyMap<(typeof producerRates)[number], HTMLButtonElement>;
  readonly consumerButtons: ReadonlyMap<(typeof consumerCounts)[number], HTMLButtonElement>;
  readonly resetButton: HTMLButtonElement;
  readonly routes: Record<Flow, Route>;
  /** One layer per arrow, each bounded on its own. */
  readonly layers: Record<Flow, DotLayer>;
  render(vm: QueueViewModel, kind: QueueKind): void;
  /** Draws the queue's fill, 0..1 of the tube. */
  setFill(fraction: number): void;
}

const text = (x: number, y: number, cls: string, anchor: 'start' | 'middle' | 'end', content = ''): SVGTextElement =>
  svg('text', { x, y, class: cls, 'text-anchor': anchor }, content);

/** A big count; `data-stat` names the LaneStats field it shows, for tests and readers of the DOM. */
const count = (stat: 'waiting' | 'active' | 'completed' | 'failed', x: number, y: number, anchor: 'start' | 'middle'): SVGTextElement =>
  svg('text', { x, y, class: 'demo-count', 'text-anchor': anchor, 'data-stat': stat }, NO_VALUE);

/** SVG ids are document-wide: every panel instance needs its own for its marker and clip path. */
let instances = 0;

/** Decade marks under the tube, so the log scale of the fill can be read. */
function decadeTicks(): SVGGElement {
  const g = svg('g', { 'aria-hidden': 'true' });
  const labels = ['1', '10', '100', '1k', '10k', '100k'];
  const bottom = tube.y + tube.h;
  labels.forEach((label, i) => {
    const x = tube.x + tube.w * depthFraction(10 ** i);
    g.append(svg('line', { x1: x, x2: x, y1: bottom + 2, y2: bottom + 10, class: 'demo-tick' }));
    g.append(text(x, bottom + 28, 'demo-small', 'middle', label));
  });
  return g;
}

export function createQueueView(frame: PanelFrame): QueueView {
  instances += 1;
  const arrowheadId = `demo-queue-${instances}-arrowhead`;
  const clipId = `demo-queue-${instances}-clip`;
  const arrow = (x0: number, y0: number, x1: number, y1: number): SVGPathElement =>
    svg('path', { d: `M${x0} ${y0}L${x1} ${y1}`, class: 'demo-arrow', 'marker-end': `url(#${arrowheadId})` });

  // Header: which lane, its health, and its speed.
  const broker = html('span', { class: 'demo-broker' });
  const health = html('span', { class: 'demo-health', 'data-status': 'unknown' });
  const metric = (label: string, name: 'throughput' | 'p50' | 'p99') => {
    const value = html('span', { class: 'demo-metric-value', 'data-metric': name }, NO_VALUE);
    return { value, el: html('span', { class: 'demo-metric' }, html('span', { class: 'demo-metric-label' }, label), value) };
  };
  const throughput = metric('throughput', 'throughput');
  const p50 = metric('latency p50', 'p50');
  const p99 = metric('p99', 'p99');
  frame.head.append(broker, health, html('div', { class: 'demo-metrics' }, throughput.el, p50.el, p99.el));

  // Stage: producer -> queue -> consumer -> completed / failed.
  const defs = svg('defs', {},
    svg('marker', { id: arrowheadId, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0 0L10 5L0 10z', class: 'demo-arrowhead' })),
    svg('clipPath', { id: clipId }, svg('rect', { x: tube.x, y: tube.y, width: tube.w, height: tube.h, rx: 22 })),
  );
  const kindText = text(producer.x + producer.w / 2, 128, 'demo-kind', 'middle');
  const waiting = count('waiting', tube.x + tube.w / 2, 128, 'middle');
  const fill = svg('rect', { x: tube.x, y: tube.y, width: 0, height: tube.h, class: 'demo-fill', 'clip-path': `url(#${clipId})` });
  const active = count('active', consumer.x + consumer.w / 2, 130, 'middle');
  const workers = text(consumer.x + consumer.w / 2, 180, 'demo-small', 'middle');
  const completed = count('completed', sinkX, doneY + 50, 'start');
  const failed = count('failed', sinkX, failY + 50, 'start');
  const retried = text(sinkX, H - 4, 'demo-small', 'start');
  // More workers show as more cards behind the consumer, so scaling out is seen, not just read.
  const stacked = Array.from({ length: STACKED_WORKERS }, (_, i) => {
    const depth = STACKED_WORKERS - i;
    return svg('rect', { x: consumer.x + 6 * depth, y: consumer.y - 9 * depth, width: consumer.w - 12 * depth, height: consumer.h, rx: 14, class: 'demo-box demo-stacked', 'data-depth': depth });
  });
  const consumerLabel = text(consumer.x + consumer.w / 2, 80, 'demo-label', 'middle', 'CONSUMER');
  const producerRate = text(producer.x + producer.w / 2, 170, 'demo-small', 'middle', 'enqueues jobs');
  const producerBox = svg('rect', { x: producer.x, y: producer.y, width: producer.w, height: producer.h, rx: 14, class: 'demo-box' });
  const consumerGroup = svg('g', {},
    ...stacked,
    svg('rect', { x: consumer.x, y: consumer.y, width: consumer.w, height: consumer.h, rx: 14, class: 'demo-box demo-consumer-box' }),
    consumerLabel, active,
    text(consumer.x + consumer.w / 2, 156, 'demo-small', 'middle', 'active'), workers);
  const dotPaths: Record<Flow, SVGPathElement> = {
    enqueued: svg('path', { class: 'demo-dot' }),
    started: svg('path', { class: 'demo-dot' }),
    completed: svg('path', { class: 'demo-dot-done' }),
    failed: svg('path', { class: 'demo-dot-fail' }),
  };
  const stage = svg('svg', { class: 'demo-stage', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': 'Producer, queue and consumer with live job counts' },
    defs,
    producerBox,
    text(producer.x + producer.w / 2, 80, 'demo-label', 'middle', 'PRODUCER'), kindText, producerRate,
    arrow(routes.enqueued.x0, MID, routes.enqueued.x1 - 4, MID),
    text(tube.x, tube.y - 14, 'demo-label', 'start', 'QUEUE'),
    text(tubeRight, tube.y - 14, 'demo-small', 'end', 'depth, log scale'),
    svg('rect', { x: tube.x, y: tube.y, width: tube.w, height: tube.h, rx: 22, class: 'demo-tube' }), fill,
    decadeTicks(), waiting,
    text(tube.x + tube.w / 2, 160, 'demo-small', 'middle', 'waiting'),
    arrow(routes.started.x0, MID, routes.started.x1 - 4, MID),
    consumerGroup,
    arrow(routes.completed.x0, routes.completed.y0, routes.completed.x1 - 10, routes.completed.y1 + 8),
    arrow(routes.failed.x0, routes.failed.y0, routes.failed.x1 - 10, routes.failed.y1 - 4),
    svg('circle', { cx: sinkX + 12, cy: doneY, r: 10, class: 'demo-done-mark' }),
    text(sinkX + 32, doneY + 6, 'demo-label', 'start', 'COMPLETED'), completed,
    svg('path', { d: crossShape(8)(sinkX + 12, failY), class: 'demo-fail-mark' }),
    text(sinkX + 32, failY + 6, 'demo-label', 'start', 'FAILED'), failed, retried,
  );
  // The dots move every frame; on a layer of their own, the stage under them is not painted again.
  const dots = svg('svg', { class: 'demo-stage demo-dots', viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' }, ...Object.values(dotPaths));
  const overlayTitle = html('div', { class: 'demo-overlay-title' });
  const overlayDetail = html('div', { class: 'demo-overlay-detail' });
  // The server's hint is prose with the commands in backticks, e.g. "Start Redis: `docker compose up -d redis`".
  const overlayHint = html('div', { class: 'demo-overlay-hint' });
  const overlay = html('div', { class: 'demo-overlay', role: 'status', hidden: true }, overlayTitle, overlayDetail, overlayHint);
  frame.body.append(html('div', { class: 'demo-stage-wrap' }, stage, dots, overlay));

  // Foot: the producer's controls in live mode.
  const button = (label: string, title: string, pressed?: boolean) =>
    frame.button(label, title, pressed === undefined ? {} : { 'aria-pressed': String(pressed) });
  const enqueueButtons = new Map(burstSizes.map((n) => [n, button(`+${formatCount(n)}`, `Enqueue ${formatCount(n)} job${n === 1 ? '' : 's'}`)]));
  const kindButtons = new Map(queueKinds.map((k) => [k, button(k === 'sleep' ? `sleep ${SLEEP_MS} ms` : k, 'What the buttons and the producer send', false)]));
  const rateButtons = new Map(producerRates.map((rate) => [rate, button(
    rate === 0 ? 'off' : `${rate}/s`,
    rate === 0 ? 'Stop the steady producer' : `Enqueue ${rate} jobs every second until stopped (3 minutes at most)`,
    false,
  )]));
  const consumerButtons = new Map(consumerCounts.map((n) => [n, button(String(n), `Run ${n} worker process${n === 1 ? '' : 'es'} for this lane, 8 jobs at once each`, false)]));
  const resetButton = button('Reset', 'Clear every queue and counter on the demo server, and stop the producer');
  const row = (...groups: HTMLElement[]) => html('div', { class: 'demo-queue-row' }, ...groups);
  frame.controls.append(
    row(frame.group('Enqueue', ...enqueueButtons.values()), frame.group('Producer', ...rateButtons.values())),
    row(frame.group('Kind', ...kindButtons.values()), frame.group('Consumers', ...consumerButtons.values()), frame.group(undefined, resetButton)),
  );

  return {
    enqueueButtons,
    kindButtons,
    rateButtons,
    consumerButtons,
    resetButton,
    routes,
    layers: {
      enqueued: new DotLayer(dotPaths.enqueued, circleShape(DOT_RADIUS), DOT_CAPACITY),
      started: new DotLayer(dotPaths.started, circleShape(DOT_RADIUS), DOT_CAPACITY),
      completed: new DotLayer(dotPaths.completed, circleShape(DOT_RADIUS), DOT_CAPACITY),
      failed: new DotLayer(dotPaths.failed, crossShape(DOT_RADIUS), DOT_CAPACITY),
    },
    render(vm, kind) {
      frame.present(vm);
      frame.setTitle(vm.title);
      setText(broker, vm.broker ?? '');
      setAttr(health, 'data-status', vm.health);
      setText(health, vm.health === 'down' ? '▲ down' : '● up');
      const f = vm.figures;
      setText(throughput.value, f ? `${formatRate(f.throughput)} jobs/s` : NO_VALUE);
      setText(p50.value, f ? formatLatency(f.latency.p50) : NO_VALUE);
      setText(p99.value, f ? formatLatency(f.latency.p99) : NO_VALUE);
      setText(waiting, f ? formatCount(f.stats.waiting) : NO_VALUE);
      setText(active, f ? formatCount(f.stats.active) : NO_VALUE);
      setText(completed, f ? formatCount(f.stats.completed) : NO_VALUE);
      setText(failed, f ? formatCount(f.stats.failed) : NO_VALUE);
      setText(retried, f && f.stats.retried > 0 ? `retried ${formatCount(f.stats.retried)}` : '');
      setText(workers, vm.workers ? `${formatCount(vm.workers.count)} worker${vm.workers.count === 1 ? '' : 's'} · ${formatCount(vm.workers.slots)} slots` : '');
      consumerGroup.classList.toggle('demo-busy', !!f && f.stats.active > 0);
      const workerCount = vm.workers?.count ?? 1;
      stacked.forEach((card, i) => setFlag(card, 'hidden', STACKED_WORKERS - i >= workerCount));
      setText(consumerLabel, workerCount > 1 ? 'CONSUMERS' : 'CONSUMER');
      producerBox.classList.toggle('demo-producing', vm.producer !== undefined);
      setText(producerRate, vm.producer ? `${formatRate(vm.producer.rate)} jobs/s` : 'enqueues jobs');
      producerRate.classList.toggle('demo-rate-on', vm.producer !== undefined);
      // What is being produced: the running producer's kind, else the kind the buttons would send.
      const shown = vm.producer?.kind ?? (vm.controls === 'hidden' ? undefined : kind);
      setText(kindText, shown === undefined ? 'web app' : shown === 'sleep' ? `sleep ${SLEEP_MS} ms` : shown);

      setFlag(overlay, 'hidden', !vm.overlay);
      setText(overlayTitle, vm.overlay?.title ?? '');
      setText(overlayDetail, vm.overlay?.detail ?? '');
      setCodeText(overlayHint, vm.overlay?.hint ?? '');
      for (const [k, b] of kindButtons) setAttr(b, 'aria-pressed', String(k === kind));
      for (const [rate, b] of rateButtons) setAttr(b, 'aria-pressed', String(rate === (vm.producer?.rate ?? 0)));
      for (const [n, b] of consumerButtons) setAttr(b, 'aria-pressed', String(n === vm.workers?.count));
    },
    setFill(fraction) {
      const width = tube.w * fraction;
      setAttr(fill, 'width', width.toFixed(1));
    },
  };
}
