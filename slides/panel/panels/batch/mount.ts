import { batchLanes, type BatchLane } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange } from '../../redraw.ts';
import { batchViewModel } from './model.ts';
import { createBatchView } from './view.ts';

/**
 * Use case "distributed machine-learning batch": a batch of CPU jobs fanned out over the lane's
 * workers, with its progress, each worker's share and the jobs done per second; "Add a worker"
 * starts another worker process mid-run. The batch runs on the server, so every open deck follows it.
 * Declared as `<div data-demo="batch" data-lane="bullmq"></div>` (bullmq or rabbitmq).
 */

const isBatchLane = (name: string | undefined): name is BatchLane => (batchLanes as readonly string[]).includes(name ?? '');

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const view = createBatchView();
  const releaseDeck = isolateFromDeck(view.root);
  let lane: BatchLane = isBatchLane(el.dataset.lane) ? el.dataset.lane : 'bullmq';
  const render = (): void => view.render(batchViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state, lane }), lane);
  const drawing = redrawOnChange(ctx, render);

  const api = ctx.api;
  if (api) {
    const send = demoCommands(api, 'batch', view.setMessage);
    for (const [name, button] of view.laneButtons) {
      button.addEventListener('click', () => {
        lane = name;
        render();
      });
    }
    view.startButton.addEventListener('click', () => send('start', { lane }));
    view.addButton.addEventListener('click', () => send('add-worker'));
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    releaseDeck();
    el.replaceChildren();
  };
}
