import type { SchedulerName } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import { createChart, every, type Chart } from '../../chart/chart.ts';
import { html, setAttr, setCodeText, setFlag, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { AXIS_S, schedulerLabels, type SchedulerRow, type SchedulingViewModel } from './model.ts';

export interface SchedulingView {
  readonly startAll: HTMLButtonElement;
  readonly pauseAll: HTMLButtonElement;
  /** The row buttons: Pause or Resume, by scheduler. */
  readonly rowButtons: ReadonlyMap<SchedulerName, HTMLButtonElement>;
  render(vm: SchedulingViewModel): void;
  destroy(): void;
}

/** A scheduler's last AXIS_S seconds, `now` at the right: its ticks as marks across the time line. */
function tickChart(name: string): Chart {
  return createChart({
    label: `When ${name}'s scheduled jobs started, over the last ${AXIS_S} seconds`,
    x: { format: (v) => (v === 0 ? 'now' : `−${-v} s`), splits: every(5) },
    y: { grid: false },
    padding: [4, 24, 0, 30],
  });
}

/** A scheduler's row: its name, its ticks on the time axis, its state and button. */
function schedulerRow(frame: PanelFrame, name: SchedulerName) {
  const label = schedulerLabels[name];
  const chart = tickChart(label.name);
  const status = html('span', { class: 'demo-sched-status' });
  const button = frame.button('Pause');
  const stats = html('div', { class: 'demo-sched-stats' });
  const note = html('div', { class: 'demo-sched-note' });
  const root = html(
    'div',
    { class: 'demo-sched-row', 'data-scheduler': name },
    html('div', { class: 'demo-sched-label' }, html('span', { class: 'demo-sched-name' }, label.name), html('span', { class: 'demo-sched-how demo-code' }, label.how)),
    chart.root,
    html('div', { class: 'demo-sched-side' }, status, button),
    stats,
    note,
  );
  let drawn = '';

  function render(row: SchedulerRow): void {
    setAttr(root, 'data-status', row.status);
    setAttr(root, 'data-ticks', String(row.ticks.length));
    setText(status, row.status);
    setText(stats, row.stats);
    setCodeText(note, row.note);
    const ticks = row.ticks.map((t) => t.toFixed(2)).join(',');
    if (ticks !== drawn) {
      drawn = ticks;
      chart.draw({
        x: [],
        xRange: [-AXIS_S, 0],
        yRange: [-1, 1],
        marks: (paint) => {
          paint.line(-AXIS_S, 0, 0, 0, 'line', 2);
          for (const t of row.ticks) paint.line(t, -0.75, t, 0.75, 'done', 4);
        },
      });
    }
    const verb = row.action === 'pause' ? 'Pause' : row.status === 'paused' ? 'Resume' : 'Start';
    setText(button, verb);
    setAttr(button, 'aria-label', `${verb} ${label.name}`);
    setAttr(button, 'data-action', row.action ?? '');
    setFlag(button, 'hidden', row.action === undefined);
  }

  return { root, button, render, destroy: () => chart.destroy() };
}

/** One row per scheduler, in the frame's body; start and pause them all in its footer. */
export function createSchedulingView(frame: PanelFrame, names: readonly SchedulerName[]): SchedulingView {
  const rows = new Map(names.map((name) => [name, schedulerRow(frame, name)]));
  frame.body.append(...[...rows.values()].map((row) => row.root));
  const startAll = frame.button('Start all', 'Start every scheduler, a job every second');
  const pauseAll = frame.button('Pause all', 'Pause every scheduler');
  frame.controls.append(frame.group(undefined, startAll, pauseAll));

  return {
    startAll,
    pauseAll,
    rowButtons: new Map([...rows].map(([name, row]) => [name, row.button])),
    render(vm) {
      frame.present(vm);
      for (const row of vm.rows) rows.get(row.name)?.render(row);
    },
    destroy() {
      for (const row of rows.values()) row.destroy();
    },
  };
}
