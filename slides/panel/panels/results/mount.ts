import { resultFrameworks } from '../../../../demo-server/src/protocol/demos/results.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange } from '../../redraw.ts';
import { demoSource } from '../../source.ts';
import { resultColumns } from './model.ts';
import { injectResultsStyles } from './styles.ts';
import { createResultsView } from './view.ts';

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
  const drawing = redrawOnChange(ctx, () => {
    const source = demoSource('results', { mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
    view.render(resultColumns(source.state, resultFrameworks), source.controls, [SOURCES, source.note].filter(Boolean).join(' '), source.banner);
  });

  const api = ctx.api;
  if (api) {
    const send = demoCommands(api, 'results', view.setMessage);
    view.enqueueButton.addEventListener('click', () => send('enqueue'));
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    releaseDeck();
    el.replaceChildren();
  };
}
