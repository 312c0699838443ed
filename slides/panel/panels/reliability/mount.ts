import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { reliabilityViewModel } from './model.ts';
import { createReliabilityView } from './view.ts';

export { css } from './styles.ts';

/**
 * "Kill the worker mid-task": long jobs on every lane, each lane's worker SIGKILLed, a fresh one
 * taking over; per lane what was running, redelivered, lost and completed, from the brokers' events.
 * The round runs on the server, so every open deck follows the same one.
 * Declared as `<div data-demo="reliability"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'rel', title: 'Kill the worker mid-task', controlsAt: 'head' });
  const view = createReliabilityView(frame);
  let acksLate = false;
  const drawing = redrawOnChange(ctx, {
    render() {
      const vm = reliabilityViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state });
      acksLate = vm.celeryAcksLate;
      view.render(vm);
    },
  });

  const api = ctx.api;
  if (api) {
    view.startButton.addEventListener('click', () => frame.act(() => api.demo('reliability', 'start')));
    view.killButton.addEventListener('click', () => frame.act(() => api.demo('reliability', 'kill')));
    view.acksLateButton.addEventListener('click', () => frame.act(() => api.demo('reliability', 'acks-late', { on: !acksLate })));
    view.resetButton.addEventListener('click', () => frame.act(() => api.reset()));
  }

  return () => {
    drawing.dispose();
    frame.dispose();
  };
}
