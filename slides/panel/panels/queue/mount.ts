import { isLaneName, laneNames, type LaneName, type TickCounts } from '../../../../demo-server/src/protocol/index.ts';
import type { ApiResult } from '../../api.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { html } from '../../dom.ts';
import { flows, planDots } from './dot-budget.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { depthFraction, queueViewModel, type QueueViewModel } from './model.ts';
import { createQueueView, SLEEP_MS, type QueueKind } from './view.ts';

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
  if (!isLaneName(laneAttr)) {
    el.replaceChildren(
      html('div', { class: 'demo-panel' }, `Unknown lane “${laneAttr}” in data-lane. Lanes: ${laneNames.join(', ')}.`),
    );
    return () => el.replaceChildren();
  }
  const lane: LaneName = laneAttr;
  const view = createQueueView();
  const { layers, routes } = view;
  const releaseDeck = isolateFromDeck(view.root);
  const store = ctx.store;

  let kind: QueueKind = 'noop';
  let model: QueueViewModel = compute();
  let fill = targetFill();
  let dirty = false;
  let frame = 0;
  let lastFrameAt: number | undefined;

  function compute(): QueueViewModel {
    return queueViewModel({ mode: ctx.mode, lane, recording: ctx.recording, store: store?.state });
  }

  function targetFill(): number {
    return depthFraction(model.figures?.stats.waiting ?? 0);
  }

  // One rAF loop per panel, running only while its slide is on screen and something moves.
  function schedule(): void {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(step);
  }

  function step(now: number): void {
    frame = 0;
    if (dirty) {
      dirty = false;
      model = compute();
      view.render(model, kind);
    }
    const target = targetFill();
    const dt = lastFrameAt === undefined ? 16 : now - lastFrameAt;
    fill += (target - fill) * (1 - Math.exp(-dt / FILL_EASE_MS));
    if (Math.abs(target - fill) < 0.002) fill = target;
    view.setFill(fill);
    // Step every layer: `some` would stop at the first one still moving.
    const moving = flows.map((flow) => layers[flow].step(now)).includes(true);
    if (moving || fill !== target) {
      lastFrameAt = now;
      frame = requestAnimationFrame(step);
    } else {
      lastFrameAt = undefined;
    }
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

  const unsubscribe = store?.subscribe((event, state) => {
    dirty = true;
    if (event.type === 'delta' && ctx.slide.visible) {
      const tick = event.ticks.get(lane);
      if (tick) spawnDots(tick, state.tickMs);
    }
    schedule();
  });

  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) {
      dirty = true;
      schedule();
      return;
    }
    cancelAnimationFrame(frame);
    frame = 0;
    lastFrameAt = undefined;
    for (const layer of Object.values(layers)) layer.clear();
  });

  const show = (result: ApiResult): void => view.setMessage(result.ok ? '' : result.message);
  const api = ctx.api;
  if (api) {
    for (const [count, button] of view.enqueueButtons) {
      button.addEventListener('click', () => {
        view.setMessage('');
        void api.enqueue({ lane, kind, count, params: paramsOf(kind) }).then(show);
      });
    }
    const produce = (rate: number): void => {
      view.setMessage('');
      void api.produce(lane, { rate, kind, params: paramsOf(kind) }).then(show);
    };
    for (const [rate, button] of view.rateButtons) button.addEventListener('click', () => produce(rate));
    for (const [count, button] of view.consumerButtons) {
      button.addEventListener('click', () => {
        view.setMessage('');
        void api.scaleWorkers(lane, count).then(show);
      });
    }
    view.resetButton.addEventListener('click', () => {
      view.setMessage('');
      void api.reset().then(show);
    });
    for (const [buttonKind, button] of view.kindButtons) {
      button.addEventListener('click', () => {
        // A running producer switches to the new kind too: one kind on the slide at a time.
        if (buttonKind !== kind && model.producer) {
          kind = buttonKind;
          produce(model.producer.rate);
        }
        kind = buttonKind;
        dirty = true;
        schedule();
      });
    }
  }

  // First paint now, not on the next frame: an export may capture the page before any frame runs.
  view.render(model, kind);
  view.setFill(fill);
  el.replaceChildren(view.root);

  return () => {
    unsubscribe?.();
    stopWatching();
    cancelAnimationFrame(frame);
    releaseDeck();
    el.replaceChildren();
  };
}
