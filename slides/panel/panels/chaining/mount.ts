import { chainFrameworks } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange } from '../../redraw.ts';
import { chainRows } from './model.ts';
import { injectChainingStyles } from './styles.ts';
import { createChainingView } from './view.ts';
import { demoSource } from '../../source.ts';

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

  function render(): void {
    const source = demoSource('chaining', { mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
    failMiddle = chosen ?? source.state?.failMiddle ?? false;
    const caption = [SOURCES, source.note].filter(Boolean).join(' ');
    view.render(chainRows(source.state, chainFrameworks), failMiddle, source.controls, caption, source.banner);
  }
  const drawing = redrawOnChange(ctx, render);

  const api = ctx.api;
  if (api) {
    const send = demoCommands(api, 'chaining', view.setMessage);
    view.failButton.addEventListener('click', () => {
      chosen = !failMiddle;
      render();
    });
    view.runButton.addEventListener('click', () => send('run', { failMiddle }));
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    releaseDeck();
    el.replaceChildren();
  };
}
