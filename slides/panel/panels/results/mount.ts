import { resultFrameworks } from '../../../../demo-server/src/protocol/demos/results.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { resultsViewModel } from './model.ts';
import { createResultsView } from './view.ts';

export { css } from './styles.ts';

/**
 * Result store, live: `cpu(n)` on Celery, Dramatiq and BullMQ, each value read back from where its
 * framework keeps it in Redis, with that key's TTL (Redis `PTTL`, read twice a second) until it is gone.
 * Declared as `<div data-demo="results"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'results', controlsAt: 'foot' });
  const view = createResultsView(frame, resultFrameworks);
  const drawing = redrawOnChange(ctx, {
    render: () => view.render(resultsViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state })),
  });

  const api = ctx.api;
  if (api) view.enqueueButton.addEventListener('click', () => frame.act(() => api.demo('results', 'enqueue')));

  return () => {
    drawing.dispose();
    frame.dispose();
  };
}
