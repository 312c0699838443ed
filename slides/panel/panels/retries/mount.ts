import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { retriesViewModel } from './model.ts';
import { createRetriesView } from './view.ts';

export { css } from './styles.ts';

/**
 * Retries with backoff: flaky jobs at a failure rate picked on the slide, each lane's framework retrying
 * with its own policy; every attempt on a shared time axis, and per lane how many succeeded first time,
 * after retries, or failed for good. The round runs on the server, so every open deck follows the same one.
 * Declared as `<div data-demo="retries"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'retry', title: 'Flaky jobs, retried', controlsAt: 'head' });
  const view = createRetriesView(frame);
  const drawing = redrawOnChange(ctx, {
    render: () => view.render(retriesViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state })),
  });

  const api = ctx.api;
  if (api) {
    for (const [failRate, button] of view.runButtons) button.addEventListener('click', () => frame.act(() => api.demo('retries', 'run', { failRate })));
    view.resetButton.addEventListener('click', () => frame.act(() => api.reset()));
  }

  return () => {
    drawing.dispose();
    view.destroy();
    frame.dispose();
  };
}
