import { isLaneName, type JobKind } from '../../../../demo-server/src/protocol/index.ts';
import type { ApiResult } from '../../api.ts';
import type { Dispose, PanelContext } from '../../context.ts';
import { createFrame } from '../../frame/frame.ts';
import { redrawOnChange } from '../../redraw.ts';
import { monitoringViewModel } from './model.ts';
import { createMonitoringView } from './view.ts';

export { css } from './styles.ts';

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

/** The first refusal among several answers, or success. */
const firstFailure = (results: readonly ApiResult[]): ApiResult => results.find((result) => !result.ok) ?? { ok: true };

export function mount(el: HTMLElement, ctx: PanelContext): Dispose {
  const frame = createFrame(el, { name: 'mon', title: 'Every lane, Flower-style', controlsAt: 'head' });
  const view = createMonitoringView(frame);
  const store = ctx.store;
  const drawing = redrawOnChange(ctx, {
    render() {
      view.render(monitoringViewModel({ mode: ctx.mode, recording: ctx.recording, store: store?.state }));
      return REFRESH_MS;
    },
  });

  const api = ctx.api;
  if (api) {
    view.sendButton.addEventListener('click', () => {
      const lanes = [...(store?.state.lanes.values() ?? [])].filter((lane) => lane.health.status === 'up').map((lane) => lane.name);
      frame.act(async () => firstFailure(await Promise.all(lanes.flatMap((lane) => sampleJobs.map((job) => api.enqueue({ lane, ...job }))))));
    });
    view.onRerun((lane, id) => {
      if (isLaneName(lane)) frame.act(() => api.demo('monitoring', 'rerun', { lane, id }));
    });
  }

  return () => {
    drawing.dispose();
    frame.dispose();
  };
}
