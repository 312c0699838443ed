import type { RetriesLane, RetryJob } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { retriesFailRates, RETRIES_SAMPLE } from '../../../../demo-server/src/protocol/demos/retries.ts';
import { createChart, every, type Chart, type Painter } from '../../chart/chart.ts';
import { html, setAttr, setCodeText, setFlag, setText } from '../../dom.ts';
import { formatCount } from '../../format.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { percent, type RetriesViewModel } from './model.ts';

/** An attempt's mark, chart px. */
const RADIUS = 3.5;

interface Card {
  readonly root: HTMLElement;
  readonly label: HTMLElement;
  readonly policy: HTMLElement;
  readonly chart: Chart;
  /** The attempts in words, a job an item: what the canvas shows, for screen readers (and tests). */
  readonly attempts: HTMLOListElement;
  readonly hint: HTMLElement;
  readonly totals: Record<'firstTry' | 'afterRetries' | 'deadLettered', HTMLElement>;
  drawn: string;
}

export interface RetriesView {
  readonly runButtons: ReadonlyMap<number, HTMLButtonElement>;
  readonly resetButton: HTMLButtonElement;
  render(vm: RetriesViewModel): void;
  destroy(): void;
}

/** One job's row: its attempts joined by a line; hollow = failed and retried, filled = succeeded, cross = failed for good. */
function drawJob(paint: Painter, job: RetryJob, row: number): void {
  const y = RETRIES_SAMPLE - row - 0.5;
  const xs = job.attempts.map((a) => a.t / 1000);
  if (xs.length > 1) paint.line(xs[0]!, y, xs.at(-1)!, y, 'line', 1.5);
  job.attempts.forEach((attempt, i) => {
    const x = xs[i]!;
    if (attempt.outcome === 'failed') paint.cross(x, y, RADIUS, 'fail', 2.5);
    else if (attempt.outcome === 'retry') paint.dot(x, y, RADIUS, 'fail', 2);
    else paint.dot(x, y, RADIUS, attempt.outcome === 'ok' ? 'done' : 'fg');
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const finals: Record<RetryJob['final'], string> = { pending: 'not done yet', ok: 'succeeded', failed: 'failed for good' };

function createCard(lane: RetriesLane): Card {
  const label = html('span', { class: 'demo-retry-name' });
  const policy = html('span', { class: 'demo-retry-policy' });
  const chart = createChart({
    label: `Attempts of ${lane.label}'s jobs over time, a row per job`,
    x: { format: (v) => `${v} s`, splits: every(1) },
    y: { grid: false },
    padding: [2, 14, 0, 16],
  });
  const attempts = html('ol', { class: 'demo-sr-only', 'aria-label': `${lane.label}: every job's attempts` });
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
    html('div', { class: 'demo-retry-card-head' }, label, policy), chart.root, attempts, hint, totals);
  return { root, label, policy, chart, attempts, hint, totals: { firstTry: first.value, afterRetries: after.value, deadLettered: dead.value }, drawn: '' };
}

function drawCard(card: Card, lane: RetriesLane, spanMs: number): void {
  card.chart.draw({
    x: [],
    xRange: [0, spanMs / 1000],
    yRange: [0, RETRIES_SAMPLE],
    marks: (paint) => lane.jobs.forEach((job, row) => drawJob(paint, job, row)),
  });
  card.attempts.replaceChildren(
    ...lane.jobs.map((job) =>
      html('li', { 'data-job': job.id, 'data-final': job.final, 'data-attempts': job.attempts.map((a) => a.t).join(',') },
        `job ${job.id}: attempts at ${job.attempts.map((a) => seconds(a.t)).join(', ')}; ${finals[job.final]}`)),
  );
}

/** A card per lane, 2 by 2, every attempt on a shared time axis, in the frame's body. */
export function createRetriesView(frame: PanelFrame): RetriesView {
  const runButtons = new Map(retriesFailRates.map((rate) => [
    rate,
    frame.button(`Fail ${percent(rate)}`, `Send ${RETRIES_SAMPLE} flaky jobs to every lane, each attempt failing with probability ${percent(rate)}`),
  ]));
  const resetButton = frame.button('Reset', 'Stop the demo’s workers and forget the numbers');
  frame.controls.append(frame.group(undefined, ...runButtons.values(), resetButton));
  const grid = html('div', { class: 'demo-retry-grid' });
  const status = html('div', { class: 'demo-retry-status', role: 'status' });
  frame.body.append(grid, status);

  let cards = new Map<string, Card>();
  let layout = '';

  return {
    runButtons,
    resetButton,
    render(vm) {
      frame.present(vm, (button) => button === resetButton || vm.canRun);
      const ids = vm.lanes.map((lane) => lane.lane).join(',');
      if (ids !== layout) {
        layout = ids;
        for (const card of cards.values()) card.chart.destroy();
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
        setFlag(card.chart.root, 'hidden', out);
        setCodeText(card.hint, lane.hint ?? '');
        setText(card.totals.firstTry, out ? '–' : formatCount(lane.firstTry));
        setText(card.totals.afterRetries, out ? '–' : formatCount(lane.afterRetries));
        setText(card.totals.deadLettered, out ? '–' : formatCount(lane.deadLettered));
        const key = `${vm.spanMs}|${JSON.stringify(lane.jobs)}`;
        if (key !== card.drawn) {
          card.drawn = key;
          drawCard(card, lane, vm.spanMs);
        }
      }
      setText(status, vm.headline);
      setAttr(status, 'data-done', String(vm.done));
      for (const [rate, button] of runButtons) setAttr(button, 'aria-pressed', String(vm.failRate === rate));
    },
    destroy() {
      for (const card of cards.values()) card.chart.destroy();
    },
  };
}
