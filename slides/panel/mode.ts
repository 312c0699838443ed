/**
 * How a panel behaves on this page:
 * - `live`: the deck is served over http(s) by the demo server; connect and let the speaker act.
 * - `static`: file:, data: (Marp's PDF/PPTX export) or any other non-http page; no network at all,
 *   show the recorded run.
 * - `mirror`: a copy of the deck inside Marp's presenter view (`?view=next`, `?view=overview`) or any
 *   other frame. The speaker's real window already runs the demo; a copy must neither open a second
 *   socket nor offer buttons that would run it twice: it shows the live window's state, passed on
 *   inside the browser (store-mirror.ts), read-only, or the recording until that arrives.
 */
export type Mode = 'live' | 'static' | 'mirror';

export interface PageFacts {
  /** `location.protocol`, e.g. `https:`. */
  readonly protocol: string;
  /** `location.search`. */
  readonly search: string;
  /** `window.self !== window.top`. */
  readonly framed: boolean;
}

/** Marp bespoke views that are previews of the deck, never the deck the speaker drives. */
const previewViews: ReadonlySet<string> = new Set(['next', 'overview']);

export function detectMode(page: PageFacts): Mode {
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return 'static';
  const view = new URLSearchParams(page.search).get('view') ?? '';
  if (previewViews.has(view) || page.framed) return 'mirror';
  return 'live';
}

export function currentPage(): PageFacts {
  return { protocol: location.protocol, search: location.search, framed: isFramed() };
}

function isFramed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // Some sandboxed frames throw on any access to `top`: that is a frame too.
    return true;
  }
}
