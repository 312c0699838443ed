import type { WebApiLane } from '../../../../demo-server/src/protocol/index.ts';
import { createChart, every, type Chart } from '../../chart/chart.ts';
import { html, setAttr, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { laneLabel, type LanePicker } from '../../lane-picker.ts';
import type { VariantModel, WebApiViewModel } from './model.ts';

/** Rows of one variant share this height, chart px: 20 requests share it, one request gets a fat bar. */
const MAX_ROW = 40;

export const roundSizes = [1, 20] as const;

export interface WebApiView {
  readonly fireButtons: ReadonlyMap<(typeof roundSizes)[number], HTMLButtonElement>;
  render(vm: WebApiViewModel): void;
  destroy(): void;
}

interface Section {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly summary: HTMLElement;
  readonly chart: Chart;
  drawn: string;
}

/** Seconds under the timelines: every half second for a short round, fewer as it gets longer. */
const stepS = (scaleS: number): number => (scaleS <= 3 ? 0.5 : scaleS <= 8 ? 1 : 2);

/** One variant's requests, a row each: the request open (client waiting), the email job on a worker. */
function section(variant: string, withAxis: boolean): Section {
  const title = html('span', { class: 'demo-webapi-title' });
  const summary = html('span', { class: 'demo-webapi-summary', 'data-variant': variant });
  const chart = createChart({
    label: `Each ${variant} request over time: how long its client waited, and when its email job ran`,
    x: { format: withAxis ? (v) => `${v} s` : undefined, grid: true, splits: (min, max) => every(stepS(max))(min, max) },
    y: { grid: false },
    padding: [0, 18, 0, 14],
  });
  const root = html('div', { class: 'demo-webapi-section', 'data-variant': variant }, html('div', { class: 'demo-webapi-line' }, title, summary), chart.root);
  return { root, title, summary, chart, drawn: '' };
}

export function createWebApiView(frame: PanelFrame, picker: LanePicker<WebApiLane>): WebApiView {
  const fireButtons = new Map(
    roundSizes.map((n) => [n, frame.button(n === 1 ? '1 request each' : `${n} at once`, `Send ${n} signup request(s) to each variant at the same moment`)]),
  );
  frame.controls.append(picker.group, frame.group(undefined, ...fireButtons.values()));
  const headline = html('div', { class: 'demo-webapi-headline' });
  // The same scale for both, so their lengths compare; the seconds under the lower one.
  const sections = { async: section('async', false), sync: section('sync', true) };
  const key = (cls: string, text: string) => html('span', { class: 'demo-webapi-key' }, html('span', { class: `demo-webapi-swatch ${cls}` }), text);
  const legend = html('div', { class: 'demo-webapi-legend' },
    key('demo-webapi-req', 'request open, client waiting'),
    key('demo-webapi-job', 'email job on a worker (lane events)'));
  frame.body.append(headline, sections.async.root, sections.sync.root, legend);

  function render(vm: WebApiViewModel): void {
    frame.present(vm);
    picker.show(vm.running ? vm.lane : undefined);
    setText(headline, vm.lane ? `${vm.headline} · lane ${laneLabel(vm.lane)}` : vm.headline);
    for (const variant of vm.variants) drawSection(sections[variant.variant], variant, vm.scaleMs);
  }

  return {
    fireButtons,
    render,
    destroy() {
      for (const s of Object.values(sections)) s.chart.destroy();
    },
  };
}

function drawSection(s: Section, vm: VariantModel, scaleMs: number): void {
  setText(s.title, vm.title);
  setText(s.summary, vm.summary);
  setAttr(s.root, 'data-rows', String(vm.rows.length));
  const drawn = JSON.stringify([scaleMs, vm.rows]);
  if (drawn === s.drawn) return;
  s.drawn = drawn;
  const seconds = (ms: number) => Math.min(ms, scaleMs) / 1000;
  s.chart.draw({
    x: [],
    xRange: [0, scaleMs / 1000],
    yRange: [0, 1],
    marks: (paint) => {
      // Rows from the top down, sized by the room they share: a lone request is a fat bar, not the whole height.
      const rowH = Math.min(MAX_ROW, paint.plotHeight / Math.max(1, vm.rows.length));
      const y = (px: number) => 1 - px / paint.plotHeight;
      vm.rows.forEach((row, i) => {
        const top = i * rowH;
        if (row.error !== undefined) paint.box(0, scaleMs / 1000, y(top), y(top + rowH), 'fail', 0, 0.25);
        paint.box(seconds(row.sentMs), seconds(row.answeredMs), y(top + rowH * 0.12), y(top + rowH * 0.48), 'warn', 3, row.answered ? 1 : 0.55);
        if (row.jobStartMs === undefined || row.jobEndMs === undefined) return;
        paint.box(seconds(row.jobStartMs), seconds(row.jobEndMs), y(top + rowH * 0.52), y(top + rowH * 0.88), 'done', 3, row.jobDone ? 1 : 0.55);
      });
    },
  });
}
