import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange, resetAll } from '../../redraw.ts';
import { reliabilityViewModel } from './model.ts';
import { injectReliabilityStyles } from './styles.ts';
import { createReliabilityView } from './view.ts';

/**
 * "Kill the worker mid-task": long jobs on every lane, each lane's worker SIGKILLed, a fresh one
 * taking over; per lane what was running, redelivered, lost and completed, from the brokers' events.
 * The round runs on the server, so every open deck follows the same one.
 * Declared as `<div data-demo="reliability"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  injectReliabilityStyles();
  const view = createReliabilityView();
  const releaseDeck = isolateFromDeck(view.root);
  let model = reliabilityViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
  const drawing = redrawOnChange(ctx, () => {
    model = reliabilityViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
    view.render(model);
  });

  const api = ctx.api;
  if (api) {
    const send = demoCommands(api, 'reliability', view.setMessage);
    view.startButton.addEventListener('click', () => send('start'));
    view.killButton.addEventListener('click', () => send('kill'));
    view.acksLateButton.addEventListener('click', () => send('acks-late', { on: !model.celeryAcksLate }));
    view.resetButton.addEventListener('click', () => resetAll(api, view.setMessage));
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    releaseDeck();
    el.replaceChildren();
  };
}
