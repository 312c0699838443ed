import { isLaneName, laneNames, type LaneName, type TickCounts } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { flows, planDots } from './dot-budget.ts';
import { depthFraction, queueViewModel, type QueueViewModel } from './model.ts';
import { createQueueView, SLEEP_MS, type QueueKind } from './view.ts';

export { css } from './styles.ts';

/**
 * The Message Queue slide: one lane drawn as producer -> queue -> consumer, with buttons that
 * enqueue real jobs, counts read from the server, and dots for the transitions of every tick.
 * Declared as `<div data-demo="queue" data-lane="bullmq"></div>`.
 */

const DEFAULT_LANE: LaneName = 'bullmq';
/** Time a dot takes along one arrow, ms: long enough to follow, short enough not to pile up. */
const DOT_TRAVEL_MS = 520;
/** Dots drift off the arrow by up to this many SVG units, so a burst reads as a stream. */
const DOT_SPREAD = 16;
/** Least gap between two dots of one flow, ms: a big tick becomes a short stream instead of a blob. */
const DOT_GAP_MS = 25;
/** Time constant of the queue fill's glide toward its new depth, ms. */
const FILL_EASE_MS = 140;

const paramsOf = (kind: QueueKind) => (kind === 'sleep' ? { ms: SLEEP_MS } : undefined);

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const laneAttr = el.dataset.lane ?? DEFAULT_LANE;
  const frame = createFrame(el, { name: 'queue', title: laneAttr, controlsAt: 'foot' });
  if (!isLaneName(laneAttr)) {
    frame.present({ controls: 'hidden', banner: undefined, caption: '', problem: `Unknown lane “${laneAttr}” in data-lane. Lanes: ${laneNames.join(', ')}.` });
    return frame.dispose;
  }
  const lane: LaneName = laneAttr;
  const view = createQueueView(frame);
  const { layers, routes } = view;

  let kind: QueueKind = 'noop';
  let model: QueueViewModel = compute();
  let fill = targetFill();
  let lastFrameAt: number | undefined;

  function compute(): QueueViewModel {
    return queueViewModel({ mode: ctx.mode, lane, recording: ctx.recording, store: ctx.store?.state });
  }

  function targetFill(): number {
    return depthFraction(model.figures?.stats.waiting ?? 0);
  }

  function spawnDots(tick: TickCounts, tickMs: number): void {
    const plan = planDots(tick);
    const now = performance.now();
    for (const flow of flows) {
      const layer = layers[flow];
      const count = plan[flow];
      const span = Math.max(tickMs, count * DOT_GAP_MS);
      for (let i = 0; i < count; i += 1) {
        const spread = count === 1 ? 0 : (Math.random() * 2 - 1) * DOT_SPREAD;
        layer.spawn(routes[flow], now + (i / count) * span, DOT_TRAVEL_MS, spread);
      }
    }
  }

  const drawing = redrawOnChange(ctx, {
    render() {
      model = compute();
      view.render(model, kind);
    },
    onEvent(event, state) {
      const tick = event.type === 'delta' && ctx.slide.visible ? event.ticks.get(lane) : undefined;
      if (tick) spawnDots(tick, state.tickMs);
    },
    // The fill glides toward its depth and the dots travel; frames stop once nothing moves.
    animate(now) {
      const target = targetFill();
      const dt = lastFrameAt === undefined ? 16 : now - lastFrameAt;
      fill += (target - fill) * (1 - Math.exp(-dt / FILL_EASE_MS));
      if (Math.abs(target - fill) < 0.002) fill = target;
      view.setFill(fill);
      // Step every layer: `some` would stop at the first one still moving.
      const moving = flows.map((flow) => layers[flow].step(now)).includes(true) || fill !== target;
      lastFrameAt = moving ? now : undefined;
      return moving;
    },
    hidden() {
      lastFrameAt = undefined;
      for (const layer of Object.values(layers)) layer.clear();
    },
  });
  view.setFill(fill);

  const api = ctx.api;
  if (api) {
    for (const [count, button] of view.enqueueButtons) button.addEventListener('click', () => frame.act(() => api.enqueue({ lane, kind, count, params: paramsOf(kind) })));
    const produce = (rate: number): void => frame.act(() => api.produce(lane, { rate, kind, params: paramsOf(kind) }));
    for (const [rate, button] of view.rateButtons) button.addEventListener('click', () => produce(rate));
    for (const [count, button] of view.consumerButtons) button.addEventListener('click', () => frame.act(() => api.scaleWorkers(lane, count)));
    view.resetButton.addEventListener('click', () => frame.act(() => api.reset()));
    for (const [buttonKind, button] of view.kindButtons) {
      button.addEventListener('click', () => {
        // A running producer switches to the new kind too: one kind on the slide at a time.
        if (buttonKind !== kind && model.producer) {
          kind = buttonKind;
          produce(model.producer.rate);
        }
        kind = buttonKind;
        drawing.redraw();
      });
    }
  }

  return () => {
    drawing.dispose();
    frame.dispose();
  };
}
