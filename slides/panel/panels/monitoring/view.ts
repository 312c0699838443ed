import { html, setAttr, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import type { LaneRow, MonitoringViewModel, TaskRow, WorkerRow } from './model.ts';

export interface MonitoringView {
  readonly sendButton: HTMLButtonElement;
  render(vm: MonitoringViewModel): void;
  /** Called with the row's lane and task id when its re-run button is pressed. */
  onRerun(handler: (lane: string, id: string) => void): void;
}

interface Table {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
}

function table(cls: string, label: string, headers: readonly string[]): Table {
  const head = html('div', { role: 'row', class: 'demo-mon-row demo-mon-head' }, ...headers.map((h) => html('div', { role: 'columnheader' }, h)));
  const body = html('div', { role: 'rowgroup', class: 'demo-mon-body' });
  return { root: html('div', { role: 'table', class: `demo-mon-table ${cls}`, 'aria-label': label }, head, body), body };
}

/** Rewrites a table body's rows in place, cell by cell, so re-rendering at tick rate touches little. */
function fill(body: HTMLElement, rows: readonly (readonly (string | Node)[])[], attrs: (i: number) => Record<string, string>): void {
  while (body.children.length > rows.length) body.lastElementChild!.remove();
  rows.forEach((cells, i) => {
    let row = body.children[i] as HTMLElement | undefined;
    if (!row || row.children.length !== cells.length) {
      const fresh = html('div', { role: 'row', class: 'demo-mon-row' }, ...cells.map(() => html('div', { role: 'cell' })));
      if (row) row.replaceWith(fresh);
      else body.append(fresh);
      row = fresh;
    }
    for (const [name, value] of Object.entries(attrs(i))) setAttr(row, name, value);
    cells.forEach((cell, j) => {
      const el = row.children[j] as HTMLElement;
      if (typeof cell === 'string') setText(el, cell);
      else if (el.firstChild !== cell) el.replaceChildren(cell);
    });
  });
}

/** Lanes and workers on the left, the latest tasks with their re-run buttons on the right, in the frame's body. */
export function createMonitoringView(frame: PanelFrame): MonitoringView {
  const sendButton = frame.button('Send 5 jobs to each lane', 'Enqueue 3 sleep, 1 cpu and 1 flaky job on every lane that is up');
  frame.controls.append(frame.group(undefined, sendButton));
  const lanes = table('demo-mon-lanes', 'Lanes', ['lane', 'queue', 'active', 'jobs/s', 'done', 'failed']);
  const workers = table('demo-mon-workers', 'Workers', ['worker', 'host', 'conc.', 'last seen']);
  const tasks = table('demo-mon-tasks', 'Recent tasks', ['task', 'lane', 'job', 'state', 'runtime', 'worker', '']);
  const left = html('div', { class: 'demo-mon-col demo-mon-left' }, lanes.root, workers.root);
  const right = html('div', { class: 'demo-mon-col demo-mon-right' }, tasks.root);
  const history = html('div', { class: 'demo-mon-history' });
  frame.body.append(html('div', { class: 'demo-mon-cols' }, left, right), history);

  const rerunButtons = new Map<string, HTMLButtonElement>();
  let rerun: (lane: string, id: string) => void = () => {};

  function rerunButton(task: TaskRow): HTMLButtonElement {
    const key = `${task.lane}/${task.id}`;
    let button = rerunButtons.get(key);
    if (!button) {
      button = frame.button('Re-run', `Run ${task.job} again on ${task.lane}`, { class: 'demo-mon-rerun', 'data-task': task.id });
      button.addEventListener('click', () => rerun(task.lane, task.id));
      rerunButtons.set(key, button);
    }
    return button;
  }

  function render(vm: MonitoringViewModel): void {
    fill(lanes.body, vm.lanes.map((l: LaneRow) => [l.label, l.queue, l.active, l.rate, l.done, l.failed]), (i) => ({
      'data-lane': vm.lanes[i]!.name,
      'data-down': String(vm.lanes[i]!.down),
    }));
    fill(workers.body, vm.workers.map((w: WorkerRow) => [w.name, w.host, w.concurrency, w.lastSeen]), (i) => ({ 'data-worker': vm.workers[i]!.id }));
    fill(tasks.body, vm.tasks.map((t) => [t.shortId, t.lane, t.job, t.rerunOf ? `${t.state} ↻` : t.state, t.runtime, t.worker, rerunButton(t)]), (i) => ({
      'data-task': vm.tasks[i]!.id,
      'data-lane': vm.tasks[i]!.lane,
      'data-state': vm.tasks[i]!.state,
      title: vm.tasks[i]!.rerunOf ? `${vm.tasks[i]!.id}, a re-run of ${vm.tasks[i]!.rerunOf}` : vm.tasks[i]!.id,
    }));
    const shown = new Set(vm.tasks.map((t) => `${t.lane}/${t.id}`));
    for (const key of rerunButtons.keys()) if (!shown.has(key)) rerunButtons.delete(key);
    setText(history, vm.history);
    // Last: the re-run buttons of new rows are in the panel now, to be enabled with the others.
    frame.present(vm);
  }

  return {
    sendButton,
    render,
    onRerun: (handler) => {
      rerun = handler;
    },
  };
}
