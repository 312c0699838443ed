import { chainFrameworks } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { chainingViewModel } from './model.ts';
import { createChainingView } from './view.ts';

export { css } from './styles.ts';

/**
 * Chaining, live: fetch -> transform -> store on Celery `chain`, Dramatiq `pipeline` and BullMQ
 * `FlowProducer`, each step drawn from its framework's events, its value read back from the result
 * store. A toggle makes the middle step fail, to show where each framework stops.
 * Declared as `<div data-demo="chaining"></div>`.
 */
export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'chaining', controlsAt: 'foot' });
  const view = createChainingView(frame, chainFrameworks);
  let chosen: boolean | undefined;
  let failMiddle = false;
  const drawing = redrawOnChange(ctx, {
    render() {
      const vm = chainingViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state }, chosen);
      failMiddle = vm.failMiddle;
      view.render(vm);
    },
  });

  const api = ctx.api;
  if (api) {
    view.failButton.addEventListener('click', () => {
      chosen = !failMiddle;
      drawing.redraw();
    });
    view.runButton.addEventListener('click', () => frame.act(() => api.demo('chaining', 'run', { failMiddle })));
  }

  return () => {
    drawing.dispose();
    frame.dispose();
  };
}
