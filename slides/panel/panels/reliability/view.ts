import type { ReliabilityLane } from '../../../../demo-server/src/protocol/demos/reliability.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText } from '../../dom.ts';
import { laneCell, workerLine, type ReliabilityViewModel } from './model.ts';

const rows = [
  { id: 'sent', label: 'sent' },
  { id: 'runningAtKill', label: 'running at kill' },
  { id: 'redelivered', label: 'redelivered' },
  { id: 'lost', label: 'lost' },
  { id: 'completed', label: 'completed' },
  { id: 'worker', label: 'worker pid' },
] as const;
type RowId = (typeof rows)[number]['id'];

interface Column {
  readonly name: HTMLElement;
  readonly acks: HTMLElement;
  readonly header: HTMLElement;
  readonly cells: Record<RowId, HTMLElement>;
}

export interface ReliabilityView {
  readonly root: HTMLElement;
  readonly startButton: HTMLButtonElement;
  readonly killButton: HTMLButtonElement;
  readonly acksLateButton: HTMLButtonElement;
  readonly resetButton: HTMLButtonElement;
  render(vm: ReliabilityViewModel): void;
  setMessage(text: string): void;
}

export function createReliabilityView(): ReliabilityView {
  const button = (label: string, title: string, cls = '') => html('button', { type: 'button', title, class: cls || undefined }, label);
  const startButton = button('Start long jobs', 'Send long sleep jobs to every lane; each lane’s worker runs as many as it has slots');
  const killButton = button('Kill the workers mid-task', 'SIGKILL to each lane’s worker process and its pool; a fresh worker takes over', 'demo-rel-kill');
  const acksLateButton = button('Celery: acks_late', 'Restart the Celery worker with celery_acks_late (ack after the work), or back to the default');
  const resetButton = button('Reset', 'Stop the demo’s workers and forget the numbers');
  const controls = html('div', { class: 'demo-group demo-rel-controls', 'data-shown': 'false' }, startButton, killButton, acksLateButton, resetButton);
  const head = html('div', { class: 'demo-head' }, html('span', { class: 'demo-title' }, 'Kill the worker mid-task'), controls);

  const table = html('div', { role: 'table', class: 'demo-rel-table', 'aria-label': 'Jobs per lane, from the brokers’ events' });
  const hints = html('div', { class: 'demo-rel-hints' });
  const status = html('div', { class: 'demo-rel-status', role: 'status' });
  const previous = html('div', { class: 'demo-rel-previous' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const root = html('div', { class: 'demo-panel demo-rel' }, banner, head, table, hints, status, previous, message, caption);

  let columns = new Map<string, Column>();
  let layout = '';
  let lastCaption: string | undefined;
  let lastHints = '';
  /** The server's answer to the last click, when it refused; the round's own problem otherwise. */
  let commandError = '';
  let problem = '';

  function build(lanes: readonly ReliabilityLane[]): void {
    columns = new Map();
    const cell = (role: string, cls: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) =>
      html('div', { role, class: cls, ...attrs }, ...children);
    for (const lane of lanes) {
      const name = html('span', { class: 'demo-rel-name' });
      const acks = html('span', { class: 'demo-rel-acks' });
      const header = cell('columnheader', 'demo-rel-head', { 'data-lane': lane.lane }, name, acks);
      const cells = {} as Record<RowId, HTMLElement>;
      for (const { id } of rows) cells[id] = cell('cell', 'demo-rel-cell', { 'data-lane': lane.lane, 'data-row': id });
      columns.set(lane.lane, { name, acks, header, cells });
    }
    const row = (...cells: HTMLElement[]) => html('div', { role: 'row', class: 'demo-rel-row' }, ...cells);
    table.replaceChildren(
      row(cell('columnheader', 'demo-rel-label'), ...[...columns.values()].map((c) => c.header)),
      ...rows.map(({ id, label }) => row(cell('rowheader', 'demo-rel-label', {}, label), ...[...columns.values()].map((c) => c.cells[id]))),
    );
    table.style.gridTemplateColumns = `auto repeat(${lanes.length}, minmax(0, 1fr))`;
  }

  return {
    root,
    startButton,
    killButton,
    acksLateButton,
    resetButton,
    render(vm) {
      const ids = vm.lanes.map((lane) => lane.lane).join(',');
      if (ids !== layout) {
        layout = ids;
        build(vm.lanes);
      }
      for (const lane of vm.lanes) {
        const column = columns.get(lane.lane);
        if (!column) continue;
        setText(column.name, lane.label);
        setText(column.acks, lane.note);
        setAttr(column.acks, 'data-acks', lane.acks);
        for (const { id } of rows) {
          setText(column.cells[id], id === 'worker' ? workerLine(lane) : laneCell(lane, id));
        }
        setAttr(column.cells.lost, 'data-bad', lane.lost === undefined ? '' : String(lane.lost > 0));
        const out = lane.status === 'absent' || lane.status === 'down';
        for (const el of [column.header, ...Object.values(column.cells)]) el.classList.toggle('demo-rel-out', out);
      }
      const hinted = vm.lanes.filter((lane) => lane.hint);
      const hintKey = hinted.map((lane) => `${lane.label}|${lane.hint}`).join('\n');
      if (hintKey !== lastHints) {
        lastHints = hintKey;
        hints.replaceChildren(
          ...hinted.map((lane) =>
            html('div', { class: 'demo-rel-hint', 'data-lane': lane.lane },
              html('span', { class: 'demo-rel-hint-title' }, lane.label), ...captionNodes(lane.hint ?? ''))),
        );
      }
      setText(status, vm.headline);
      setAttr(status, 'data-phase', vm.verdict ? 'settled' : '');
      setText(previous, vm.previous);
      setText(startButton, vm.startLabel);
      setAttr(controls, 'data-shown', String(vm.controls.shown));
      setFlag(startButton, 'disabled', !vm.controls.start);
      setFlag(killButton, 'disabled', !vm.controls.kill);
      setFlag(acksLateButton, 'disabled', !vm.controls.acksLate);
      setFlag(resetButton, 'disabled', !vm.controls.reset);
      setAttr(acksLateButton, 'aria-pressed', String(vm.celeryAcksLate));
      problem = vm.problem ?? '';
      setText(message, commandError || problem);
      root.classList.toggle('demo-dim', vm.dim);
      setFlag(banner, 'hidden', !vm.banner);
      setText(banner, vm.banner ?? '');
      if (vm.caption !== lastCaption) {
        lastCaption = vm.caption;
        caption.replaceChildren(...captionNodes(vm.caption));
      }
    },
    setMessage(text) {
      commandError = text;
      setText(message, commandError || problem);
    },
  };
}
