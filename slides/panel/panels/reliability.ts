import type { ApiResult } from '../api.ts';
import type { Dispose, PanelContext } from '../context.ts';
import { isolateFromDeck } from '../isolate.ts';
import { reliabilityViewModel } from './reliability-model.ts';
import { injectReliabilityStyles } from './reliability-styles.ts';
import { createReliabilityView } from './reliability-view.ts';

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
  const store = ctx.store;
  let dirty = false;
  let frame = 0;

  const compute = () => reliabilityViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state });
  let model = compute();

  function schedule(): void {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(step);
  }

  function step(): void {
    frame = 0;
    if (!dirty) return;
    dirty = false;
    model = compute();
    view.render(model);
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
    const send = (command: string, body: Record<string, unknown> = {}) => {
      view.setMessage('');
      void api.demo('reliability', command, body).then((result: ApiResult) => view.setMessage(result.ok ? '' : result.message));
    };
    view.startButton.addEventListener('click', () => send('start'));
    view.killButton.addEventListener('click', () => send('kill'));
    view.acksLateButton.addEventListener('click', () => send('acks-late', { on: !model.celeryAcksLate }));
    view.resetButton.addEventListener('click', () => {
      view.setMessage('');
      void api.reset().then((result) => view.setMessage(result.ok ? '' : result.message));
    });
  }

  view.render(model);
  el.replaceChildren(view.root);

  return () => {
    unsubscribe?.();
    stopWatching();
    cancelAnimationFrame(frame);
    releaseDeck();
    el.replaceChildren();
  };
}
