import { webApiLanes, type WebApiLane } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands } from '../../redraw.ts';
import { webApiViewModel, type WebApiViewModel } from './model.ts';
import { createWebApiView } from './view.ts';

/**
 * Use case "background tasks for a web API": the same signup endpoint with its welcome email sent in
 * the background (answers 202 at once) and in the request (answers when the email is out), fired
 * side by side by the server and drawn to scale from the times it measured.
 * Declared as `<div data-demo="web-api" data-lane="bullmq"></div>` (bullmq, rabbitmq or celery).
 */

/** While a round runs, pending bars grow this often, ms, between the server's messages. */
const GROW_EVERY_MS = 100;

const isWebApiLane = (name: string | undefined): name is WebApiLane => (webApiLanes as readonly string[]).includes(name ?? '');

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const view = createWebApiView();
  const releaseDeck = isolateFromDeck(view.root);
  const store = ctx.store;
  let lane: WebApiLane = isWebApiLane(el.dataset.lane) ? el.dataset.lane : 'bullmq';
  // The server's clock, as of the last message, against ours: bars grow on the server's time.
  let clock = { server: store?.state.serverTime ?? 0, local: Date.now() };
  let model: WebApiViewModel = compute();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function compute(): WebApiViewModel {
    const serverNow = clock.server + (Date.now() - clock.local);
    return webApiViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state, serverNow, lane });
  }

  function render(): void {
    model = compute();
    view.render(model, lane);
    clearTimeout(timer);
    timer = undefined;
    if (model.running && ctx.slide.visible) timer = setTimeout(render, GROW_EVERY_MS);
  }

  const unsubscribe = store?.subscribe((_event, state) => {
    clock = { server: state.serverTime, local: Date.now() };
    if (ctx.slide.visible) render();
  });
  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) render();
    else clearTimeout(timer);
  });

  const api = ctx.api;
  if (api) {
    for (const [name, button] of view.laneButtons) {
      button.addEventListener('click', () => {
        lane = name;
        render();
      });
    }
    const send = demoCommands(api, 'web-api', view.setMessage);
    for (const [requests, button] of view.fireButtons) button.addEventListener('click', () => send('fire', { lane, requests }));
  }

  // First paint now: an export may capture the page before any event arrives.
  render();
  el.replaceChildren(view.root);

  return () => {
    unsubscribe?.();
    stopWatching();
    clearTimeout(timer);
    releaseDeck();
    el.replaceChildren();
  };
}
