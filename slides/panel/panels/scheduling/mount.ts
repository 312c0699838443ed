import { schedulerNames, type SchedulerName } from '../../../../demo-server/src/protocol/demos/scheduling.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands } from '../../redraw.ts';
import { demoSource } from '../../source.ts';
import { recordedNow, schedulerRows } from './model.ts';
import { injectSchedulingStyles } from './styles.ts';
import { createSchedulingView } from './view.ts';

/**
 * Scheduling, live: a job every second from Celery beat, BullMQ's job scheduler and APScheduler for
 * Dramatiq, each tick drawn on a time axis when its worker started it, with the measured intervals.
 * Declared as `<div data-demo="scheduling"></div>`.
 */
const SOURCES =
  'Schedule: every 1 s. A tick is when a worker started the job: Celery `task-started` events, BullMQ `active` events (Redis clock), Dramatiq’s LifecycleEvents.';
/** The axis scrolls at this many frames a second while something ticks. */
const SCROLL_EVERY_MS = 100;

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  injectSchedulingStyles();
  const view = createSchedulingView(schedulerNames);
  const releaseDeck = isolateFromDeck(view.root);
  // The server's clock, as the page's clock plus the offset seen on the last message.
  let clockOffset = 0;
  let ticking = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  function render(): void {
    const state = ctx.store?.state;
    const source = demoSource('scheduling', { mode: ctx.mode, recording: ctx.recording, store: state });
    const now = source.live ? Date.now() + clockOffset : recordedNow(source.state);
    const rows = schedulerRows(source.state, schedulerNames, now);
    ticking = source.live && rows.some((row) => row.status === 'running' || row.status === 'starting' || row.marks.length > 0);
    view.render(rows, source.controls, [SOURCES, source.note].filter(Boolean).join(' '), source.banner);
    keepScrolling();
  }

  function keepScrolling(): void {
    const wanted = ticking && ctx.slide.visible;
    if (wanted && timer === undefined) timer = setInterval(render, SCROLL_EVERY_MS);
    if (!wanted && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  const unsubscribe = ctx.store?.subscribe((_event, state) => {
    if (state.serverTime > 0) clockOffset = state.serverTime - Date.now();
    if (ctx.slide.visible) render();
  });
  const stopWatching = ctx.slide.onChange((visible) => (visible ? render() : keepScrolling()));

  const api = ctx.api;
  if (api) {
    const command = demoCommands(api, 'scheduling', view.setMessage);
    const send = (action: 'start' | 'pause', scheduler?: SchedulerName) => command(action, scheduler ? { scheduler } : {});
    view.startAll.addEventListener('click', () => send('start'));
    view.pauseAll.addEventListener('click', () => send('pause'));
    for (const [name, button] of view.rowButtons) {
      button.addEventListener('click', () => send(button.dataset.action === 'pause' ? 'pause' : 'start', name));
    }
  }

  render();
  el.replaceChildren(view.root);
  return () => {
    unsubscribe?.();
    stopWatching();
    clearInterval(timer);
    releaseDeck();
    el.replaceChildren();
  };
}
