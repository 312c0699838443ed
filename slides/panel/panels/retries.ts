import type { ApiResult } from '../api.ts';
import type { Dispose, PanelContext } from '../context.ts';
import { isolateFromDeck } from '../isolate.ts';
import { retriesViewModel } from './retries-model.ts';
import { injectRetriesStyles } from './retries-styles.ts';
import { createRetriesView } from './retries-view.ts';

/**
 * Retries with backoff: flaky jobs at a failure rate picked on the slide, each lane's framework retrying
 * with its own policy; every attempt on a shared time axis, and per lane how many succeeded first time,
 * after retries, or failed for good. The round runs on the server, so every open deck follows the same one.
 * Declared as `<div data-demo="retries"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  injectRetriesStyles();
  const view = createRetriesView();
  const releaseDeck = isolateFromDeck(view.root);
  const store = ctx.store;
  let dirty = false;
  let frame = 0;

  const compute = () => retriesViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state });

  function schedule(): void {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(step);
  }

  function step(): void {
    frame = 0;
    if (!dirty) return;
    dirty = false;
    view.render(compute());
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
    dirty = true;
    schedule();
  });

  const api = ctx.api;
  if (api) {
    const show = (result: ApiResult) => view.setMessage(result.ok ? '' : result.message);
    for (const [failRate, button] of view.runButtons) {
      button.addEventListener('click', () => {
        view.setMessage('');
        void api.demo('retries', 'run', { failRate }).then(show);
      });
    }
    view.resetButton.addEventListener('click', () => {
      view.setMessage('');
      void api.reset().then(show);
    });
  }

  view.render(compute());
  el.replaceChildren(view.root);

  return () => {
    unsubscribe?.();
    stopWatching();
    cancelAnimationFrame(frame);
    releaseDeck();
    el.replaceChildren();
  };
}
