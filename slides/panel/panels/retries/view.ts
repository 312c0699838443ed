import type { RetriesLane, RetryJob } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { retriesFailRates, RETRIES_SAMPLE } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText, svg } from '../../dom.ts';
import { formatCount } from '../../format.ts';
import { percent, type RetriesViewModel } from './model.ts';

/** The timeline's drawing box, in its own units; it scales to the card's width. */
const W = 560;
const ROW = 8;
const TOP = 4;
const LEFT = 6;
const RIGHT = 14;
const AXIS = 17;
const H = TOP + RETRIES_SAMPLE * ROW + AXIS;

interface Card {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly policy: HTMLElement;
  readonly plot: SVGSVGElement;
  readonly hint: HTMLElement;
  readonly totals: Record<'firstTry' | 'afterRetries' | 'deadLettered', HTMLElement>;
  drawn: string;
}

export interface RetriesView {
  readonly root: HTMLElement;
  readonly runButtons: ReadonlyMap<number, HTMLButtonElement>;
  readonly resetButton: HTMLButtonElement;
  render(vm: RetriesViewModel): void;
  setMessage(text: string): void;
}

const x = (t: number, span: number) => LEFT + (t / span) * (W - LEFT - RIGHT);

/** One job's row: its attempts joined by a line; hollow = failed and retried, filled = succeeded, cross = failed for good. */
function jobRow(job: RetryJob, row: number, span: number): SVGElement {
  const y = TOP + row * ROW + ROW / 2;
  const parts: SVGElement[] = [];
  const xs = job.attempts.map((a) => x(a.t, span));
  if (xs.length > 1) parts.push(svg('line', { x1: xs[0]!, y1: y, x2: xs.at(-1)!, y2: y, class: 'demo-retry-link' }));
  job.attempts.forEach((attempt, i) => {
    const cx = xs[i]!;
    if (attempt.outcome === 'failed') {
      parts.push(svg('path', { d: `M${cx - 3.5} ${y - 3.5}L${cx + 3.5} ${y + 3.5}M${cx - 3.5} ${y + 3.5}L${cx + 3.5} ${y - 3.5}`, class: 'demo-retry-dead' }));
    } else {
      parts.push(svg('circle', { cx, cy: y, r: 3.5, class: `demo-retry-${attempt.outcome}` }));
    }
  });
  return svg('g', { 'data-job': job.id, 'data-final': job.final, 'data-attempts': job.attempts.map((a) => a.t).join(',') }, ...parts);
}

function axis(span: number): SVGElement {
  const y = TOP + RETRIES_SAMPLE * ROW + 2;
  const ticks: SVGElement[] = [svg('line', { x1: LEFT, y1: y, x2: W - RIGHT, y2: y, class: 'demo-retry-axis' })];
  for (let s = 0; s * 1000 <= span; s++) {
    const tx = x(s * 1000, span);
    ticks.push(svg('line', { x1: tx, y1: y, x2: tx, y2: y + 4, class: 'demo-retry-axis' }));
    ticks.push(svg('text', { x: tx, y: y + 15, class: 'demo-retry-tick', 'text-anchor': s === 0 ? 'start' : 'middle' }, `${s} s`));
  }
  return svg('g', {}, ...ticks);
}

function createCard(lane: RetriesLane): Card {
  const label = html('span', { class: 'demo-retry-name' });
  const policy = html('span', { class: 'demo-retry-policy' });
  const plot = svg('svg', { class: 'demo-retry-plot', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Attempts of ${lane.label}'s jobs over time` });
  const hint = html('div', { class: 'demo-retry-hint', hidden: true });
  const total = (key: string, symbol: string, title: string) => {
    const value = html('span', { class: 'demo-retry-total-value', 'data-lane': lane.lane, 'data-total': key });
    return { value, el: html('span', { class: `demo-retry-total demo-retry-total-${key}`, title }, html('span', { class: 'demo-retry-symbol', 'aria-hidden': 'true' }, symbol), value) };
  };
  const first = total('firstTry', '●', 'succeeded first time');
  const after = total('afterRetries', '○●', 'succeeded after retries');
  const dead = total('deadLettered', '✕', 'failed for good (dead-lettered)');
  const totals = html('div', { class: 'demo-retry-totals' },
    first.el, html('span', { class: 'demo-retry-total-label' }, 'first try'),
    after.el, html('span', { class: 'demo-retry-total-label' }, 'after retries'),
    dead.el, html('span', { class: 'demo-retry-total-label' }, 'dead'));
  const root = html('div', { class: 'demo-retry-card', 'data-lane': lane.lane },
    html('div', { class: 'demo-retry-card-head' }, label, policy), plot, hint, totals);
  return { root, label, policy, plot, hint, totals: { firstTry: first.value, afterRetries: after.value, deadLettered: dead.value }, drawn: '' };
}

export function createRetriesView(): RetriesView {
  const runButtons = new Map(retriesFailRates.map((rate) => [
    rate,
    html('button', { type: 'button', title: `Send ${RETRIES_SAMPLE} flaky jobs to every lane, each attempt failing with probability ${percent(rate)}` }, `Fail ${percent(rate)}`),
  ]));
  const resetButton = html('button', { type: 'button', title: 'Stop the demo’s workers and forget the numbers' }, 'Reset');
  const controls = html('div', { class: 'demo-group demo-retry-controls', 'data-shown': 'false' }, ...runButtons.values(), resetButton);
  const head = html('div', { class: 'demo-head' }, html('span', { class: 'demo-title' }, 'Flaky jobs, retried'), controls);
  const grid = html('div', { class: 'demo-retry-grid' });
  const status = html('div', { class: 'demo-retry-status', role: 'status' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const root = html('div', { class: 'demo-panel demo-retry' }, banner, head, grid, status, message, caption);

  let cards = new Map<string, Card>();
  let layout = '';
  let lastCaption: string | undefined;
  let commandError = '';
  let problem = '';

  return {
    root,
    runButtons,
    resetButton,
    render(vm) {
      const ids = vm.lanes.map((lane) => lane.lane).join(',');
      if (ids !== layout) {
        layout = ids;
        cards = new Map(vm.lanes.map((lane) => [lane.lane, createCard(lane)]));
        grid.replaceChildren(...[...cards.values()].map((card) => card.root));
      }
      for (const lane of vm.lanes) {
        const card = cards.get(lane.lane);
        if (!card) continue;
        setText(card.label, lane.label);
        setText(card.policy, lane.policy);
        const out = lane.status === 'absent' || lane.status === 'down';
        card.root.classList.toggle('demo-retry-out', out);
        setFlag(card.hint, 'hidden', !out);
        setFlag(card.plot, 'hidden', out);
        if (card.hint.dataset.text !== (lane.hint ?? '')) {
          card.hint.dataset.text = lane.hint ?? '';
          card.hint.replaceChildren(...captionNodes(lane.hint ?? ''));
        }
        setText(card.totals.firstTry, out ? '–' : formatCount(lane.firstTry));
        setText(card.totals.afterRetries, out ? '–' : formatCount(lane.afterRetries));
        setText(card.totals.deadLettered, out ? '–' : formatCount(lane.deadLettered));
        const key = `${vm.spanMs}|${JSON.stringify(lane.jobs)}`;
        if (key !== card.drawn) {
          card.drawn = key;
          card.plot.replaceChildren(axis(vm.spanMs), ...lane.jobs.map((job, row) => jobRow(job, row, vm.spanMs)));
        }
      }
      setText(status, vm.headline);
      setAttr(status, 'data-done', String(vm.done));
      setAttr(controls, 'data-shown', String(vm.controls.shown));
      for (const [rate, button] of runButtons) {
        setFlag(button, 'disabled', !vm.controls.run);
        setAttr(button, 'aria-pressed', String(vm.failRate === rate));
      }
      setFlag(resetButton, 'disabled', !vm.controls.reset);
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
