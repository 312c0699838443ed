import type { ReliabilityLane } from '../../../../demo-server/src/protocol/demos/reliability.ts';
import { captionNodes, html, setAttr, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { createLaneTable, type LaneColumn } from '../../lane-table.ts';
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

export interface ReliabilityView {
  readonly startButton: HTMLButtonElement;
  readonly killButton: HTMLButtonElement;
  readonly acksLateButton: HTMLButtonElement;
  readonly resetButton: HTMLButtonElement;
  render(vm: ReliabilityViewModel): void;
}

/** A lane's column: its name and how it acks, then its counts. */
function laneColumn(column: LaneColumn<RowId>) {
  const name = html('span', { class: 'demo-rel-name' });
  const acks = html('span', { class: 'demo-rel-acks' });
  column.header.append(name, acks);
  function render(lane: ReliabilityLane): void {
    setText(name, lane.label);
    setText(acks, lane.note);
    setAttr(acks, 'data-acks', lane.acks);
    for (const { id } of rows) setText(column.cells[id], id === 'worker' ? workerLine(lane) : laneCell(lane, id));
    setAttr(column.cells.lost, 'data-bad', lane.lost === undefined ? '' : String(lane.lost > 0));
    const out = lane.status === 'absent' || lane.status === 'down';
    for (const el of column.all) el.classList.toggle('demo-lane-out', out);
  }
  return { render };
}

/** A column per lane, a row per count, and what the round showed, in the frame's body. */
export function createReliabilityView(frame: PanelFrame): ReliabilityView {
  const startButton = frame.button('Start long jobs', 'Send long sleep jobs to every lane; each lane’s worker runs as many as it has slots');
  const killButton = frame.button('Kill the workers mid-task', 'SIGKILL to each lane’s worker process and its pool; a fresh worker takes over', { class: 'demo-rel-kill' });
  const acksLateButton = frame.button('Celery: acks_late', 'Restart the Celery worker with celery_acks_late (ack after the work), or back to the default');
  const resetButton = frame.button('Reset', 'Stop the demo’s workers and forget the numbers');
  frame.controls.append(frame.group(undefined, startButton, killButton, acksLateButton, resetButton));

  const table = html('div');
  const hints = html('div', { class: 'demo-rel-hints' });
  const status = html('div', { class: 'demo-rel-status', role: 'status' });
  const previous = html('div', { class: 'demo-rel-previous' });
  frame.body.append(table, hints, status, previous);

  let columns = new Map<string, ReturnType<typeof laneColumn>>();
  let layout = '';
  let lastHints = '';

  function build(lanes: readonly ReliabilityLane[]): void {
    const laneTable = createLaneTable('Jobs per lane, from the brokers’ events', lanes.map((lane) => lane.lane), rows);
    columns = new Map([...laneTable.columns].map(([lane, column]) => [lane, laneColumn(column)]));
    table.replaceChildren(laneTable.root);
  }

  return {
    startButton,
    killButton,
    acksLateButton,
    resetButton,
    render(vm) {
      frame.present(vm, (button) => {
        if (button === startButton) return vm.allowed.start;
        if (button === killButton) return vm.allowed.kill;
        return button !== acksLateButton || vm.allowed.acksLate;
      });
      const ids = vm.lanes.map((lane) => lane.lane).join(',');
      if (ids !== layout) {
        layout = ids;
        build(vm.lanes);
      }
      for (const lane of vm.lanes) columns.get(lane.lane)?.render(lane);
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
      setAttr(acksLateButton, 'aria-pressed', String(vm.celeryAcksLate));
    },
  };
}
