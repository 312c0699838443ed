import type { Dispose, PanelContext } from './context.ts';
import type { StoreEvent, StoreState } from './store.ts';

/** What a panel draws, and when; only `render` is required. */
export interface Drawing {
  /**
   * Draws the panel from the current state; `now` is the animation frame's time (performance.now()).
   * Returns in how many ms to draw again though nothing changed (a clock moving on), if it must.
   */
  render(now: number): number | void;
  /** Each store event, before the redraw it asks for: transitions to animate, the server's clock. */
  onEvent?(event: StoreEvent, state: StoreState): void;
  /** Moves what animates between renders (travelling dots, a gliding fill): every frame while it returns true. */
  animate?(now: number): boolean;
  /** The slide left the screen: drop what was moving. */
  hidden?(): void;
}

export interface Redraw {
  /** Asks for a render outside a store change: a choice made on the panel. */
  redraw(): void;
  dispose: Dispose;
}

/**
 * The page's one way to draw a panel: now (an export may capture the page before any frame runs),
 * then on every change of the store, at most once per animation frame, animating in the same frames,
 * and never while the panel's slide is hidden; coming back into view draws the latest state.
 */
export function redrawOnChange(ctx: PanelContext, drawing: Drawing): Redraw {
  let frame = 0;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const request = (): void => {
    if (frame === 0 && ctx.slide.visible) frame = requestAnimationFrame(step);
  };
  const redraw = (): void => {
    dirty = true;
    request();
  };

  function render(now: number): void {
    dirty = false;
    const wait = drawing.render(now);
    clearTimeout(timer);
    timer = typeof wait === 'number' ? setTimeout(redraw, wait) : undefined;
  }

  function step(now: number): void {
    frame = 0;
    if (dirty) render(now);
    if (drawing.animate?.(now)) request();
  }

  const unsubscribe = ctx.store?.subscribe((event, state) => {
    drawing.onEvent?.(event, state);
    redraw();
  });
  const stopWatching = ctx.slide.onChange((visible) => {
    if (visible) return redraw();
    cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(timer);
    drawing.hidden?.();
  });
  render(performance.now());

  return {
    redraw,
    dispose: () => {
      unsubscribe?.();
      stopWatching();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
