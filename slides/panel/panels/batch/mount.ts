import { batchLanes } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { createLanePicker } from '../../lane-picker.ts';
import { redrawOnChange } from '../../redraw.ts';
import { batchViewModel } from './model.ts';
import { createBatchView } from './view.ts';

export { css } from './styles.ts';

/**
 * Use case "distributed machine-learning batch": a batch of CPU jobs fanned out over the lane's
 * workers, with its progress, each worker's share and the jobs done per second; "Add a worker"
 * starts another worker process mid-run. The batch runs on the server, so every open deck follows it.
 * Declared as `<div data-demo="batch" data-lane="bullmq"></div>` (bullmq or rabbitmq).
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'batch', title: '', controlsAt: 'head' });
  const picker = createLanePicker(frame, { lanes: batchLanes, initial: el.dataset.lane, tip: (label) => `Run the batch on ${label}` });
  const view = createBatchView(frame, picker);
  const drawing = redrawOnChange(ctx, {
    render: () => view.render(batchViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state, lane: picker.lane })),
  });
  picker.onPick(drawing.redraw);

  const api = ctx.api;
  if (api) {
    view.startButton.addEventListener('click', () => frame.act(() => api.demo('batch', 'start', { lane: picker.lane })));
    view.addButton.addEventListener('click', () => frame.act(() => api.demo('batch', 'add-worker')));
  }

  return () => {
    drawing.dispose();
    view.destroy();
    frame.dispose();
  };
}
