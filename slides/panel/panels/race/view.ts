import type { LaneName } from '../../../../demo-server/src/protocol/index.ts';
import { createChart, decades, type Chart } from '../../chart/chart.ts';
import { laneStyle } from '../../chart/lane-style.ts';
import { html, setAttr, setCodeText, setFlag, setText, svg } from '../../dom.ts';
import { formatCompact, formatCount, formatLatency, formatPlace, formatSeconds, NO_VALUE } from '../../format.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { createLaneTable, type LaneColumn } from '../../lane-table.ts';
import { raceSizes, type RaceLaneModel, type RaceViewModel } from './model.ts';

/** The table's rows after the lane names: what each shows, and its label with the unit. */
const rows = [
  { id: 'time', label: 'time' },
  { id: 'completed', label: 'completed' },
  { id: 'failed', label: 'failed' },
  { id: 'waiting', label: 'queue depth' },
  { id: 'p50', label: 'latency p50' },
  { id: 'p99', label: 'latency p99' },
] as const;
type RowId = (typeof rows)[number]['id'];

function cellText(lane: RaceLaneModel, row: RowId): string {
  const f = lane.figures;
  switch (row) {
    case 'time':
      if (lane.status === 'down') return 'down';
      if (lane.status === 'absent') return 'absent';
      if (lane.elapsedMs === undefined) return NO_VALUE;
      return lane.status === 'finished' ? formatSeconds(lane.elapsedMs) : `${formatSeconds(lane.elapsedMs)}…`;
    case 'completed':
      return f ? formatCount(f.stats.completed) : NO_VALUE;
    case 'failed':
      return f ? formatCount(f.stats.failed) : NO_VALUE;
    case 'waiting':
      return f ? formatCount(f.stats.waiting) : NO_VALUE;
    case 'p50':
      return f ? formatLatency(f.latency.p50) : NO_VALUE;
    case 'p99':
      return f ? formatLatency(f.latency.p99) : NO_VALUE;
  }
}

/** A short stroke in the lane's colour and dash, the key between a column and its line in the chart. */
function swatch(name: LaneName): SVGSVGElement {
  const style = laneStyle(name);
  return svg('svg', { class: 'demo-swatch', viewBox: '0 0 48 12', 'aria-hidden': 'true' },
    svg('line', { x1: 2, y1: 6, x2: 46, y2: 6, stroke: style.color, 'stroke-width': 5, 'stroke-dasharray': style.dash.join(' ') || 'none' }));
}

export interface RaceView {
  readonly raceButtons: ReadonlyMap<(typeof raceSizes)[number], HTMLButtonElement>;
  readonly resetButton: HTMLButtonElement;
  render(vm: RaceViewModel): void;
  /** Redraws the chart from the model's samples; separate from `render`, which runs more often. */
  renderChart(vm: RaceViewModel): void;
  destroy(): void;
}

/** Throughput per lane over time, on an arcsinh axis: an in-process lane can run 30 times faster than a broker. */
function throughputChart(lanes: readonly LaneName[]): Chart {
  return createChart({
    label: 'Throughput of each lane over time, jobs per second',
    x: { label: 'seconds since the start', format: (v) => `${v} s`, range: (_min, max) => [0, Math.max(1, max)] },
    y: { label: 'jobs/s (log)', format: formatCompact, log: true, splits: decades, range: (_min, max) => [0, Math.max(100, max * 1.5)] },
    series: lanes.map((name) => ({ kind: 'line', style: laneStyle(name) })),
  });
}

/** A lane's column of the table, with its progress bar, place, and the line that says why it sits out. */
function laneColumn(name: LaneName, column: LaneColumn<RowId>) {
  const label = html('span', { class: 'demo-race-lane-name' }, name);
  const bar = html('span', { class: 'demo-race-bar-fill' });
  bar.style.background = laneStyle(name).color;
  column.header.append(label, html('span', { class: 'demo-race-key', 'aria-hidden': 'true' }, swatch(name), html('span', { class: 'demo-race-bar' }, bar)));
  const place = html('span', { class: 'demo-race-place' });
  column.cells.time.prepend(place);
  // Title and the command that fixes it, on screen; the broker's own words on hover, where room is.
  const title = html('span', { class: 'demo-race-problem-title' });
  const hint = html('span', { class: 'demo-race-problem-hint' });
  const problem = html('div', { class: 'demo-race-problem', 'data-lane': name, hidden: true }, title, hint);

  function render(lane: RaceLaneModel, winner: boolean): void {
    setText(label, lane.label);
    const width = `${((lane.progress ?? 0) * 100).toFixed(1)}%`;
    if (bar.style.width !== width) bar.style.width = width;
    setText(place, lane.place === undefined ? '' : formatPlace(lane.place));
    for (const { id } of rows) {
      // The time cell keeps its place badge as first child; the value is the text after it.
      if (id === 'time') setTimeText(column.cells.time, cellText(lane, id));
      else setText(column.cells[id], cellText(lane, id));
    }
    const out = lane.status === 'down' || lane.status === 'absent';
    for (const el of column.all) {
      el.classList.toggle('demo-lane-out', out);
      el.classList.toggle('demo-winner', winner);
    }
    setFlag(problem, 'hidden', !lane.problem);
    setText(title, lane.problem?.title ?? '');
    setAttr(problem, 'title', lane.problem?.detail ?? '');
    setCodeText(hint, lane.problem?.hint ?? '');
  }
  return { problem, render };
}

/** The race's view, inside its frame; the buttons sit at the top, where Marp's page controls never cover them. */
export function createRaceView(frame: PanelFrame, lanes: readonly LaneName[], focus: LaneName | undefined): RaceView {
  const raceButtons = new Map(raceSizes.map((n) => [n, frame.button(`Race ${formatCount(n)}`, `Send ${formatCount(n)} jobs to each lane at the same moment`)]));
  const resetButton = frame.button('Reset', 'Clear every queue and counter on the demo server');
  frame.controls.append(frame.group(undefined, ...raceButtons.values(), resetButton));
  const chart = throughputChart(lanes);

  const table = createLaneTable('Race figures per lane', lanes, rows);
  const columns = new Map(lanes.map((name) => [name, laneColumn(name, table.columns.get(name)!)]));
  if (focus) for (const el of table.columns.get(focus)?.all ?? []) el.classList.add('demo-focus');

  const problems = html('div', { class: 'demo-race-problems' }, ...[...columns.values()].map((c) => c.problem));
  // What the race is, while it runs; who won, once it is over.
  const status = html('div', { class: 'demo-race-status', role: 'status' });
  frame.body.append(html('div', { class: 'demo-race-body' }, chart.root, table.root), problems, status);

  return {
    raceButtons,
    resetButton,
    render(vm) {
      frame.present(vm);
      for (const lane of vm.lanes) columns.get(lane.name)?.render(lane, lane.place === 1 && vm.winner !== undefined);
      setText(status, vm.winner ?? vm.headline);
      status.classList.toggle('demo-race-won', vm.winner !== undefined);
    },
    renderChart(vm) {
      chart.draw({ x: vm.chart?.t ?? [], ys: vm.chart?.ys ?? [] });
    },
    destroy: () => chart.destroy(),
  };
}

function setTimeText(el: HTMLElement, text: string): void {
  const node = el.lastChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else {
    el.append(text);
  }
}
