import { isLaneName, laneNames, type LaneName } from '../../../../demo-server/src/protocol/index.ts';
import type { ApiResult } from '../../api.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { html } from '../../dom.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { raceHistoryFor } from './history.ts';
import { RACE_KIND, raceViewModel, type RaceViewModel } from './model.ts';
import { createRaceView } from './view.ts';

/**
 * The broker race: the same burst through several lanes at once, with a live throughput chart, each
 * lane's time, counts and latency, and the winner. The race runs on the server, so every open deck
 * (and every slide that shows this panel) follows the same one.
 * Declared as `<div data-demo="race" data-lanes="memory,bullmq,rabbitmq" data-focus="rabbitmq"></div>`.
 */

const DEFAULT_LANES: readonly LaneName[] = ['memory', 'bullmq', 'rabbitmq'];
/** The chart is redrawn at most this often, ms: a line that moves four times a second reads as live. */
const CHART_EVERY_MS = 250;

/** `memory, bullmq` -> lanes in the order given, each once; the names it does not know. */
export function parseLanes(attr: string | undefined): { lanes: LaneName[]; unknown: string[] } {
  if (attr === undefined || attr.trim() === '') return { lanes: [...DEFAULT_LANES], unknown: [] };
  const names = [...new Set(attr.split(',').map((name) => name.trim()).filter(Boolean))];
  return { lanes: names.filter(isLaneName), unknown: names.filter((name) => !isLaneName(name)) };
}

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const { lanes, unknown } = parseLanes(el.dataset.lanes);
  if (unknown.length > 0 || lanes.length === 0) {
    el.replaceChildren(
      html('div', { class: 'demo-panel' }, `Unknown lane “${unknown.join(', ')}” in data-lanes. Lanes: ${laneNames.join(', ')}.`),
    );
    return () => el.replaceChildren();
  }
  const focusAttr = el.dataset.focus ?? '';
  const focus = isLaneName(focusAttr) ? focusAttr : undefined;
  const view = createRaceView(lanes, focus);
  const releaseDeck = isolateFromDeck(view.root);
  const store = ctx.store;
  const history = store && raceHistoryFor(store);

  let model: RaceViewModel = compute();
  let dirty = false;
  let frame = 0;
  let chartDrawnAt = -Infinity;
  let chartChanges = -1;
  let chartTimer: ReturnType<typeof setTimeout> | undefined;

  function compute(): RaceViewModel {
    return raceViewModel({ mode: ctx.mode, lanes, recording: ctx.recording, store: store?.state, series: history?.series() });
  }

  // Work happens only while the slide is on screen; what is missed is caught up when it comes back.
  function schedule(): void {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(step);
  }

  function step(now: number): void {
    frame = 0;
    if (dirty) {
      dirty = false;
      model = compute();
      view.render(model);
    }
    const changes = history?.changes ?? 0;
    if (changes === chartChanges) return;
    const wait = chartDrawnAt + CHART_EVERY_MS - now;
    if (wait > 0) {
      chartTimer ??= setTimeout(() => {
        chartTimer = undefined;
        schedule();
      }, wait);
      return;
    }
    chartChanges = changes;
    chartDrawnAt = now;
    view.renderChart(model);
  }

  const unsubscribe = store?.subscribe(() => {
    dirty = true;
    schedule();
  });

  const stopWatching = ctx.slide.onChange((visible) => {
    if (!visible) {
      cancelAnimationFrame(frame);
      frame = 0;
      return;
    }
    // A slide that was display:none had no size: the chart measures itself again.
    view.chart.fit();
    dirty = true;
    chartChanges = -1;
    schedule();
  });

  const resize = new ResizeObserver(() => view.chart.fit());
  resize.observe(view.chart.root);

  const show = (result: ApiResult): void => view.setMessage(result.ok ? '' : result.message);
  const api = ctx.api;
  if (api) {
    for (const [count, button] of view.raceButtons) {
      button.addEventListener('click', () => {
        view.setMessage('');
        void api.race({ lanes: [...model.startable], kind: RACE_KIND, count }).then(show);
      });
    }
    view.resetButton.addEventListener('click', () => {
      view.setMessage('');
      void api.reset().then(show);
    });
  }

  // First paint now, chart included: an export may capture the page before any frame runs.
  view.render(model);
  el.replaceChildren(view.root);
  view.chart.fit();
  view.renderChart(model);
  chartChanges = history?.changes ?? 0;

  return () => {
    unsubscribe?.();
    stopWatching();
    resize.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(chartTimer);
    view.chart.destroy();
    releaseDeck();
    el.replaceChildren();
  };
}
