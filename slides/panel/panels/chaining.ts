import { chainFrameworks } from '../../../demo-server/src/protocol/demos/chaining.ts';
import type { ApiResult } from '../api.ts';
import type { Dispose, PanelContext } from '../context.ts';
import { isolateFromDeck } from '../isolate.ts';
import { chainRows } from './chaining-model.ts';
import { injectChainingStyles } from './chaining-style.ts';
import { createChainingView } from './chaining-view.ts';
import { demoSource } from './demo-source.ts';

/**
 * Chaining, live: fetch -> transform -> store on Celery `chain`, Dramatiq `pipeline` and BullMQ
 * `FlowProducer`, each step drawn from its framework's events, its value read back from the result
 * store. A toggle makes the middle step fail, to show where each framework stops.
 * Declared as `<div data-demo="chaining"></div>`.
 */
const SOURCES =
  'Steps from each framework’s events; values read back from its result store: Celery `celery-task-meta-<id>`, Dramatiq’s Results middleware, BullMQ `job.returnvalue`.';

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  injectChainingStyles();
  const view = createChainingView(chainFrameworks);
  const releaseDeck = isolateFromDeck(view.root);
  let failMiddle = false;
  let chosen: boolean | undefined;
  let frame = 0;

  function render(): void {
    frame = 0;
    const source = demoSource('chaining', { mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
    const shownFail = chosen ?? source.state?.failMiddle ?? false;
    failMiddle = shownFail;
    const caption = [SOURCES, source.note].filter(Boolean).join(' ');
    view.render(chainRows(source.state, chainFrameworks), shownFail, source.controls, caption, source.banner);
  }

  function schedule(): void {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(render);
  }

  const unsubscribe = ctx.store?.subscribe(schedule);
  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) schedule();
    else {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  });

  const show = (result: ApiResult): void => view.setMessage(result.ok ? '' : result.message);
  const api = ctx.api;
  if (api) {
    view.failButton.addEventListener('click', () => {
      chosen = !failMiddle;
      render();
    });
    view.runButton.addEventListener('click', () => {
      view.setMessage('');
      void api.demo('chaining', 'run', { failMiddle }).then(show);
    });
  }

  render();
  el.replaceChildren(view.root);
  return () => {
    unsubscribe?.();
    stopWatching();
    cancelAnimationFrame(frame);
    releaseDeck();
    el.replaceChildren();
  };
}
