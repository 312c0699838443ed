import { batchLanes, type BatchLane } from '../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../context.ts';
import { isolateFromDeck } from '../isolate.ts';
import { batchViewModel } from './batch-model.ts';
import { createBatchView } from './batch-view.ts';

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
  const store = ctx.store;
  let lane: BatchLane = isBatchLane(el.dataset.lane) ? el.dataset.lane : 'bullmq';
  let frame = 0;

  const render = (): void => view.render(batchViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state, lane }), lane);
  // At most one render per frame, and none while the slide is hidden; it catches up when shown.
  const schedule = (): void => {
    if (frame === 0 && ctx.slide.visible) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        render();
      });
    }
  };
  const unsubscribe = store?.subscribe(schedule);
  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) schedule();
  });

  const api = ctx.api;
  if (api) {
    const send = (command: string, body: Record<string, unknown>) => {
      view.setMessage('');
      void api.demo('batch', command, body).then((result) => view.setMessage(result.ok ? '' : result.message));
    };
    for (const [name, button] of view.laneButtons) {
      button.addEventListener('click', () => {
        lane = name;
        render();
      });
    }
    view.startButton.addEventListener('click', () => send('start', { lane }));
    view.addButton.addEventListener('click', () => send('add-worker', {}));
  }

  // First paint now: an export may capture the page before any frame runs.
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
