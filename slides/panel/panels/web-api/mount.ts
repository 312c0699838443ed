import { webApiLanes } from '../../../../demo-server/src/protocol/index.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { createLanePicker } from '../../lane-picker.ts';
import { redrawOnChange } from '../../redraw.ts';
import { webApiViewModel } from './model.ts';
import { createWebApiView } from './view.ts';

export { css } from './styles.ts';

/**
 * Use case "background tasks for a web API": the same signup endpoint with its welcome email sent in
 * the background (answers 202 at once) and in the request (answers when the email is out), fired
 * side by side by the server and drawn to scale from the times it measured.
 * Declared as `<div data-demo="web-api" data-lane="bullmq"></div>` (bullmq, rabbitmq or celery).
 */

/** While a round runs, pending bars grow this often, ms, between the server's messages. */
const GROW_EVERY_MS = 100;

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'webapi', title: 'Signup endpoint', controlsAt: 'head' });
  const picker = createLanePicker(frame, { lanes: webApiLanes, initial: el.dataset.lane, tip: (label) => `Hand the email to ${label}` });
  const view = createWebApiView(frame, picker);
  const drawing = redrawOnChange(ctx, {
    render() {
      const vm = webApiViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state, serverNow: ctx.store?.serverNow(), lane: picker.lane });
      view.render(vm);
      return vm.running ? GROW_EVERY_MS : undefined;
    },
  });
  picker.onPick(drawing.redraw);

  const api = ctx.api;
  if (api) {
    for (const [requests, button] of view.fireButtons) {
      button.addEventListener('click', () => frame.act(() => api.demo('web-api', 'fire', { lane: picker.lane, requests })));
    }
  }

  return () => {
    drawing.dispose();
    view.destroy();
    frame.dispose();
  };
}
