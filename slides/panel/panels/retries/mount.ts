import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange, resetAll } from '../../redraw.ts';
import { retriesViewModel } from './model.ts';
import { injectRetriesStyles } from './styles.ts';
import { createRetriesView } from './view.ts';

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
  const drawing = redrawOnChange(ctx, () => view.render(retriesViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state })));

  const api = ctx.api;
  if (api) {
    const send = demoCommands(api, 'retries', view.setMessage);
    for (const [failRate, button] of view.runButtons) button.addEventListener('click', () => send('run', { failRate }));
    view.resetButton.addEventListener('click', () => resetAll(api, view.setMessage));
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    releaseDeck();
    el.replaceChildren();
  };
}
