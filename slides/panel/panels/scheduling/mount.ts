import { schedulerNames, type SchedulerName } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { schedulingViewModel } from './model.ts';
import { createSchedulingView } from './view.ts';

export { css } from './styles.ts';

/**
 * Scheduling, live: a job every second from Celery beat, BullMQ's job scheduler and APScheduler for
 * Dramatiq, each tick drawn on a time axis when its worker started it, with the measured intervals.
 * Declared as `<div data-demo="scheduling"></div>`.
 */

/** The axis scrolls at this many frames a second while something ticks. */
const SCROLL_EVERY_MS = 100;

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'scheduling', controlsAt: 'foot' });
  const view = createSchedulingView(frame, schedulerNames);
  const drawing = redrawOnChange(ctx, {
    render() {
      const vm = schedulingViewModel({ mode: ctx.mode, recording: ctx.recording, store: ctx.store?.state }, ctx.store?.serverNow() ?? Date.now());
      view.render(vm);
      return vm.scrolling ? SCROLL_EVERY_MS : undefined;
    },
  });

  const api = ctx.api;
  if (api) {
    const send = (action: 'start' | 'pause', scheduler?: SchedulerName) => frame.act(() => api.demo('scheduling', action, scheduler ? { scheduler } : {}));
    view.startAll.addEventListener('click', () => send('start'));
    view.pauseAll.addEventListener('click', () => send('pause'));
    for (const [name, button] of view.rowButtons) {
      button.addEventListener('click', () => send(button.dataset.action === 'pause' ? 'pause' : 'start', name));
    }
  }

  return () => {
    drawing.dispose();
    view.destroy();
    frame.dispose();
  };
}
