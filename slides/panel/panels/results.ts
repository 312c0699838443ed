import { resultFrameworks } from '../../../demo-server/src/protocol/demos/results.ts';
import type { ApiResult } from '../api.ts';
import type { Dispose, PanelContext } from '../context.ts';
import { isolateFromDeck } from '../isolate.ts';
import { demoSource } from './demo-source.ts';
import { resultColumns } from './results-model.ts';
import { injectResultsStyles } from './results-style.ts';
import { createResultsView } from './results-view.ts';

/**
 * Result store, live: `cpu(n)` on Celery, Dramatiq and BullMQ, each value read back from where its
 * framework keeps it in Redis, with that key's TTL (Redis `PTTL`, read twice a second) until it is gone.
 * Declared as `<div data-demo="results"></div>`.
 */
const SOURCES = 'Values and TTLs read back from Redis twice a second: `GET`, `LINDEX` or `HGETALL` of the key, then its `PTTL`.';

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  injectResultsStyles();
  const view = createResultsView(resultFrameworks);
  const releaseDeck = isolateFromDeck(view.root);
  let frame = 0;

  function render(): void {
    frame = 0;
    const source = demoSource('results', { mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
    view.render(resultColumns(source.state, resultFrameworks), source.controls, [SOURCES, source.note].filter(Boolean).join(' '), source.banner);
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
    view.enqueueButton.addEventListener('click', () => {
      view.setMessage('');
      void api.demo('results', 'enqueue', {}).then(show);
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
