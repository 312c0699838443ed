import type { DemoName } from '../../demo-server/src/protocol/index.ts';
import type { Api } from './api.ts';
import type { Dispose, PanelContext } from './context.ts';

export interface Redraw {
  /** Asks for a redraw outside a store change: a clock ticking, a choice made on the panel. */
  redraw(): void;
  dispose: Dispose;
}

/**
 * Draws a panel now (an export may capture the page before any frame runs), then again on every
 * change of the store: at most once per animation frame, and never while its slide is hidden;
 * coming back into view draws the latest state.
 */
export function redrawOnChange(ctx: PanelContext, render: () => void): Redraw {
  let frame = 0;
  const redraw = (): void => {
    if (frame !== 0 || !ctx.slide.visible) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
  const unsubscribe = ctx.store?.subscribe(redraw);
  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) return redraw();
    cancelAnimationFrame(frame);
    frame = 0;
  });
  render();
  return {
    redraw,
    dispose: () => {
      unsubscribe?.();
      stopWatching();
      cancelAnimationFrame(frame);
    },
  };
}

/**
 * Sends a demo's commands from its buttons (`POST /api/demos/:demo/:command`); the server's words,
 * when it refuses, go to the panel's message line. The command's effect arrives over the socket.
 */
export function demoCommands(api: Api, demo: DemoName, showMessage: (text: string) => void) {
  return (command: string, body: Record<string, unknown> = {}): void => {
    showMessage('');
    void api.demo(demo, command, body).then((result) => showMessage(result.ok ? '' : result.message));
  };
}

/** The deck-wide reset from a panel's own button, its failure shown like a command's. */
export function resetAll(api: Api, showMessage: (text: string) => void): void {
  showMessage('');
  void api.reset().then((result) => showMessage(result.ok ? '' : result.message));
}
