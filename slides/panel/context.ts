import type { Api } from './api.ts';
import type { Mode } from './mode.ts';
import type { Recording } from './recording.ts';
import type { SlideVisibility } from './slide-visibility.ts';
import type { LaneStore } from './store.ts';

/** The page-wide services a panel may use; panels read their own settings from their element's data attributes. */
export interface PanelContext {
  readonly mode: Mode;
  /** The run recorded for this panel, shown whenever no live state is (static, mirror, server offline). */
  readonly recording: Recording | undefined;
  /**
   * The page's copy of the server state: fed by the socket when `live`, by the live window when a
   * `mirror` (read-only); undefined in a static export.
   */
  readonly store: LaneStore | undefined;
  /** Commands to the server, present exactly when `mode` is `live`. */
  readonly api: Api | undefined;
  /** Whether the panel's slide is the one on screen: a hidden panel keeps no animation running. */
  readonly slide: SlideVisibility;
}

export type Dispose = () => void;

/** A panel: how it mounts on its element, and its own CSS (added once for the page, see styles.ts). */
export interface PanelModule {
  mount(el: HTMLElement, ctx: PanelContext): Dispose;
  readonly css: string;
}
