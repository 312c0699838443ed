import { isLaneName, laneNames } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { raceHistoryFor } from './history.ts';
import { parseLanes, RACE_KIND, raceViewModel, type RaceViewModel } from './model.ts';
import { createRaceView } from './view.ts';

export { css } from './styles.ts';

/**
 * The broker race: the same burst through several lanes at once, with a live throughput chart, each
 * lane's time, counts and latency, and the winner. The race runs on the server, so every open deck
 * (and every slide that shows this panel) follows the same one.
 * Declared as `<div data-demo="race" data-lanes="memory,bullmq,rabbitmq" data-focus="rabbitmq"></div>`.
 */

/** The chart is redrawn at most this often, ms: a line that moves four times a second reads as live. */
const CHART_EVERY_MS = 250;

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'race', title: 'Broker race', controlsAt: 'head' });
  const { lanes, unknown } = parseLanes(el.dataset.lanes);
  if (unknown.length > 0 || lanes.length === 0) {
    frame.present({ controls: 'hidden', banner: undefined, caption: '', problem: `Unknown lane “${unknown.join(', ')}” in data-lanes. Lanes: ${laneNames.join(', ')}.` });
    return frame.dispose;
  }
  const focusAttr = el.dataset.focus ?? '';
  const view = createRaceView(frame, lanes, isLaneName(focusAttr) ? focusAttr : undefined);
  const history = ctx.store && raceHistoryFor(ctx.store);

  let model: RaceViewModel | undefined;
  let chartDrawnAt = -Infinity;
  let chartChanges = -1;

  const drawing = redrawOnChange(ctx, {
    render(now) {
      model = raceViewModel({ mode: ctx.mode, lanes, recording: ctx.recording, store: ctx.store?.state, series: history?.series() });
      view.render(model);
      // The chart follows the samples at its own pace; a change too soon after the last drawing waits its
      // turn. (A chart coming back into view redraws itself when its box gets its size again.)
      const changes = history?.changes ?? 0;
      if (changes === chartChanges) return undefined;
      const wait = chartDrawnAt + CHART_EVERY_MS - now;
      if (wait > 0) return wait;
      chartChanges = changes;
      chartDrawnAt = now;
      view.renderChart(model);
      return undefined;
    },
  });

  const api = ctx.api;
  if (api) {
    for (const [count, button] of view.raceButtons) {
      button.addEventListener('click', () => frame.act(() => api.race({ lanes: [...(model?.startable ?? [])], kind: RACE_KIND, count })));
    }
    view.resetButton.addEventListener('click', () => frame.act(() => api.reset()));
  }

  return () => {
    drawing.dispose();
    view.destroy();
    frame.dispose();
  };
}
