import type { SchedulerName } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText, svg } from '../../dom.ts';
import { AXIS_MS, schedulerLabels, type SchedulerRow } from './model.ts';

const WIDTH = 720;
const HEIGHT = 62;
const LINE_Y = 30;
const PAD = 8;

interface RowNodes {
  row: HTMLElement;
  marks: SVGGElement;
  status: HTMLElement;
  stats: HTMLElement;
  note: HTMLElement;
  button: HTMLButtonElement;
  lastNote: string;
}

export interface SchedulingView {
  readonly root: HTMLElement;
  readonly startAll: HTMLButtonElement;
  readonly pauseAll: HTMLButtonElement;
  /** The row buttons: Pause or Resume, by scheduler. */
  readonly rowButtons: ReadonlyMap<SchedulerName, HTMLButtonElement>;
  render(rows: readonly SchedulerRow[], controls: 'enabled' | 'disabled' | 'hidden', caption: string, banner: string | undefined): void;
  setMessage(text: string): void;
}

const xOf = (position: number) => PAD + position * (WIDTH - 2 * PAD);

function axis(): { el: SVGSVGElement; marks: SVGGElement } {
  const marks = svg('g');
  const grid = [];
  for (let s = 0; s <= AXIS_MS / 1000; s += 5) {
    const x = xOf(1 - (s * 1000) / AXIS_MS);
    grid.push(svg('line', { class: 'demo-sched-grid', x1: x, x2: x, y1: 12, y2: 44 }));
    const anchor = s === 0 ? 'end' : x < 40 ? 'start' : 'middle';
    grid.push(svg('text', { x, y: 60, 'text-anchor': anchor }, s === 0 ? 'now' : `−${s} s`));
  }
  const el = svg(
    'svg',
    { class: 'demo-sched-axis', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    ...grid,
    svg('line', { class: 'demo-sched-line', x1: PAD, x2: WIDTH - PAD, y1: LINE_Y, y2: LINE_Y }),
    marks,
  );
  return { el, marks };
}

export function createSchedulingView(names: readonly SchedulerName[]): SchedulingView {
  const rows = new Map<SchedulerName, RowNodes>();
  const rowButtons = new Map<SchedulerName, HTMLButtonElement>();
  const rowEls = names.map((name) => {
    const { el, marks } = axis();
    const status = html('span', { class: 'demo-sched-status' });
    const button = html('button', { type: 'button' }, 'Pause');
    const stats = html('div', { class: 'demo-sched-stats' });
    const note = html('div', { class: 'demo-sched-note' });
    const label = schedulerLabels[name];
    const row = html(
      'div',
      { class: 'demo-sched-row', 'data-scheduler': name },
      html('div', { class: 'demo-sched-label' }, html('span', { class: 'demo-sched-name' }, label.name), html('span', { class: 'demo-sched-how demo-code' }, label.how)),
      el,
      html('div', { class: 'demo-sched-side' }, status, button),
      stats,
      note,
    );
    rows.set(name, { row, marks, status, stats, note, button, lastNote: '' });
    rowButtons.set(name, button);
    return row;
  });

  const startAll = html('button', { type: 'button' }, 'Start all');
  const pauseAll = html('button', { type: 'button' }, 'Pause all');
  const message = html('span', { class: 'demo-message', role: 'status' });
  const foot = html('div', { class: 'demo-foot' }, html('div', { class: 'demo-group' }, startAll, pauseAll), message);
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', hidden: true });
  const root = html('div', { class: 'demo-panel demo-scheduling' }, banner, html('div', { class: 'demo-sched-rows' }, ...rowEls), foot, caption);
  let lastCaption: string | undefined;

  return {
    root,
    startAll,
    pauseAll,
    rowButtons,
    render(views, controls, captionText, bannerText) {
      for (const view of views) {
        const nodes = rows.get(view.name);
        if (!nodes) continue;
        setAttr(nodes.row, 'data-status', view.status);
        setAttr(nodes.row, 'data-ticks', String(view.marks.length));
        setText(nodes.status, view.status);
        setText(nodes.stats, view.stats);
        nodes.marks.replaceChildren(
          ...view.marks.map((position) => {
            const x = xOf(Math.min(position, 1));
            return svg('g', {}, svg('line', { class: 'demo-sched-tick', x1: x, x2: x, y1: LINE_Y - 14, y2: LINE_Y + 14 }));
          }),
        );
        if (view.note !== nodes.lastNote) {
          nodes.lastNote = view.note;
          nodes.note.replaceChildren(...captionNodes(view.note));
        }
        const verb = view.action === 'pause' ? 'Pause' : view.status === 'paused' ? 'Resume' : 'Start';
        setText(nodes.button, verb);
        setAttr(nodes.button, 'aria-label', `${verb} ${schedulerLabels[view.name].name}`);
        setAttr(nodes.button, 'data-action', view.action ?? '');
        setFlag(nodes.button, 'hidden', controls === 'hidden' || view.action === undefined);
        setFlag(nodes.button, 'disabled', controls !== 'enabled');
      }
      setAttr(foot, 'data-controls', controls);
      setFlag(startAll, 'disabled', controls !== 'enabled');
      setFlag(pauseAll, 'disabled', controls !== 'enabled');
      if (captionText !== lastCaption) {
        lastCaption = captionText;
        caption.replaceChildren(...captionNodes(captionText));
      }
      setFlag(banner, 'hidden', bannerText === undefined);
      setText(banner, bannerText ?? '');
    },
    setMessage(text) {
      setText(message, text);
    },
  };
}
