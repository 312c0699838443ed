import type { LaneName } from '../../../../demo-server/src/protocol/index.ts';
import { html, setAttr, setFlag, setText, svg } from '../../dom.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { formatCount, formatLatency, formatPlace, formatSeconds, NO_VALUE } from '../../format.ts';
import { laneStyle } from '../../chart/lane-style.ts';
import { createRaceChart, type RaceChart } from '../../chart/chart.ts';
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

interface LaneColumn {
  readonly header: HTMLElement;
  readonly label: HTMLElement;
  readonly bar: HTMLElement;
  readonly place: HTMLElement;
  readonly cells: Record<RowId, HTMLElement>;
  readonly problem: { readonly line: HTMLElement; readonly title: HTMLElement; readonly hint: HTMLElement };
}

export interface RaceView {
  readonly root: HTMLElement;
  readonly chart: RaceChart;
  readonly raceButtons: ReadonlyMap<(typeof raceSizes)[number], HTMLButtonElement>;
  readonly resetButton: HTMLButtonElement;
  render(vm: RaceViewModel): void;
  /** Redraws the chart from the model's samples; separate from `render`, which runs more often. */
  renderChart(vm: RaceViewModel): void;
  setMessage(text: string): void;
}

export function createRaceView(lanes: readonly LaneName[], focus: LaneName | undefined): RaceView {
  // The buttons sit at the top: at the bottom of a slide, Marp's page controls cover them when the pointer moves.
  const button = (label: string, title: string) => html('button', { type: 'button', title }, label);
  const raceButtons = new Map(raceSizes.map((n) => [n, button(`Race ${formatCount(n)}`, `Send ${formatCount(n)} jobs to each lane at the same moment`)]));
  const resetButton = button('Reset', 'Clear every queue and counter on the demo server');
  const controls = html('div', { class: 'demo-group demo-race-controls', 'data-controls': 'hidden' }, ...raceButtons.values(), resetButton);
  const head = html('div', { class: 'demo-head' }, html('span', { class: 'demo-title' }, 'Broker race'), controls);
  const chart = createRaceChart(lanes.map((name) => laneStyle(name)));

  const cell = (role: string, cls: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) =>
    html('div', { role, class: cls, ...attrs }, ...children);
  const columns = new Map<LaneName, LaneColumn>();
  for (const name of lanes) {
    const label = html('span', { class: 'demo-race-lane-name' }, name);
    const bar = html('span', { class: 'demo-race-bar-fill' });
    bar.style.background = laneStyle(name).color;
    const header = cell('columnheader', 'demo-race-col-head', { 'data-lane': name },
      label,
      html('span', { class: 'demo-race-key', 'aria-hidden': 'true' }, swatch(name), html('span', { class: 'demo-race-bar' }, bar)));
    const place = html('span', { class: 'demo-race-place' });
    const cells = {} as Record<RowId, HTMLElement>;
    for (const { id } of rows) cells[id] = cell('cell', 'demo-race-cell', { 'data-lane': name, 'data-row': id }, NO_VALUE);
    cells.time.prepend(place);
    // Title and the command that fixes it, on screen; the broker's own words on hover, where room is.
    const problem = {
      title: html('span', { class: 'demo-race-problem-title' }),
      hint: html('span', { class: 'demo-race-problem-hint' }),
    };
    const line = html('div', { class: 'demo-race-problem', 'data-lane': name, hidden: true }, problem.title, problem.hint);
    columns.set(name, { header, label, bar, place, cells, problem: { line, ...problem } });
    if (name === focus) for (const el of [header, ...Object.values(cells)]) el.classList.add('demo-focus');
  }

  const row = (...cells: HTMLElement[]) => html('div', { role: 'row', class: 'demo-race-row' }, ...cells);
  const table = html('div', { role: 'table', class: 'demo-race-table', 'aria-label': 'Race figures per lane' },
    row(cell('columnheader', 'demo-race-corner'), ...[...columns.values()].map((c) => c.header)),
    ...rows.map(({ id, label }) =>
      row(cell('rowheader', 'demo-race-row-label', {}, label), ...[...columns.values()].map((c) => c.cells[id]))),
  );
  table.style.gridTemplateColumns = `auto repeat(${lanes.length}, minmax(0, 1fr))`;

  const problems = html('div', { class: 'demo-race-problems' }, ...[...columns.values()].map((c) => c.problem.line));
  // What the race is, while it runs; who won, once it is over.
  const status = html('div', { class: 'demo-race-status', role: 'status' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const body = html('div', { class: 'demo-race-body' }, chart.root, table);
  const root = html('div', { class: 'demo-panel demo-race' }, banner, head, body, problems, status, message, caption);

  let lastCaption: string | undefined;
  return {
    root,
    chart,
    raceButtons,
    resetButton,
    render(vm) {
      for (const lane of vm.lanes) {
        const column = columns.get(lane.name);
        if (!column) continue;
        setText(column.label, lane.label);
        const width = `${((lane.progress ?? 0) * 100).toFixed(1)}%`;
        if (column.bar.style.width !== width) column.bar.style.width = width;
        setText(column.place, lane.place === undefined ? '' : formatPlace(lane.place));
        for (const { id } of rows) {
          const el = column.cells[id];
          // The time cell keeps its place badge as first child; the value is the text after it.
          if (id === 'time') setTimeText(el, cellText(lane, id));
          else setText(el, cellText(lane, id));
        }
        const out = lane.status === 'down' || lane.status === 'absent';
        for (const el of [column.header, ...Object.values(column.cells)]) {
          el.classList.toggle('demo-lane-out', out);
          el.classList.toggle('demo-winner', lane.place === 1 && vm.winner !== undefined);
        }
        setFlag(column.problem.line, 'hidden', !lane.problem);
        setText(column.problem.title, lane.problem?.title ?? '');
        setAttr(column.problem.line, 'title', lane.problem?.detail ?? '');
        if (column.problem.hint.dataset.text !== (lane.problem?.hint ?? '')) {
          column.problem.hint.dataset.text = lane.problem?.hint ?? '';
          column.problem.hint.replaceChildren(...captionNodes(lane.problem?.hint ?? ''));
        }
      }
      setText(status, vm.winner ?? vm.headline);
      status.classList.toggle('demo-race-won', vm.winner !== undefined);
      root.classList.toggle('demo-dim', vm.dim);
      setFlag(banner, 'hidden', !vm.banner);
      setText(banner, vm.banner ?? '');
      setAttr(controls, 'data-controls', vm.controls);
      for (const b of [...raceButtons.values(), resetButton]) setFlag(b, 'disabled', vm.controls !== 'enabled');
      if (vm.caption !== lastCaption) {
        lastCaption = vm.caption;
        caption.replaceChildren(...captionNodes(vm.caption));
      }
    },
    renderChart(vm) {
      chart.setData(vm.chart?.t ?? [], vm.chart?.ys ?? lanes.map(() => []));
    },
    setMessage(text) {
      setText(message, text);
    },
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
