import { isLaneName, type JobKind } from '../../../../demo-server/src/protocol/index.ts';
import type { ApiResult } from '../../api.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { isolateFromDeck } from '../../isolate.ts';
import { demoCommands, redrawOnChange } from '../../redraw.ts';
import { monitoringViewModel } from './model.ts';
import { createMonitoringView } from './view.ts';

/**
 * A Flower-style view of every lane: lanes with their queue depth and rates, the workers that
 * announced themselves, and the latest tasks of a history the server keeps for the session, each
 * one re-runnable. Declared as `<div data-demo="monitoring"></div>`.
 */

/** "Send 5 jobs to each lane": something to watch, with a failure or two among them. */
const sampleJobs: ReadonlyArray<{ kind: JobKind; count: number; params: Record<string, number> }> = [
  { kind: 'sleep', count: 3, params: { ms: 300 } },
  { kind: 'cpu', count: 1, params: { n: 1_000_000 } },
  { kind: 'flaky', count: 1, params: { failRate: 0.5 } },
];
/** "Last seen" moves on by the second even when no message arrives. */
const REFRESH_MS = 1_000;

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const view = createMonitoringView();
  const releaseDeck = isolateFromDeck(view.root);
  const store = ctx.store;
  const drawing = redrawOnChange(ctx, () => view.render(monitoringViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state })));
  const refresh = setInterval(drawing.redraw, REFRESH_MS);

  const api = ctx.api;
  if (api) {
    const show = (result: ApiResult) => view.setMessage(result.ok ? '' : result.message);
    view.sendButton.addEventListener('click', () => {
      view.setMessage('');
      const lanes = [...(store?.state.lanes.values() ?? [])].filter((lane) => lane.health.status === 'up').map((lane) => lane.name);
      for (const lane of lanes) for (const job of sampleJobs) void api.enqueue({ lane, ...job }).then(show);
    });
    const send = demoCommands(api, 'monitoring', view.setMessage);
    view.onRerun((lane, id) => {
      if (isLaneName(lane)) send('rerun', { lane, id });
    });
  }

  el.replaceChildren(view.root);
  return () => {
    drawing.dispose();
    clearInterval(refresh);
    releaseDeck();
    el.replaceChildren();
  };
}
