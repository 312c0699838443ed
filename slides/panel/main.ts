/**
 * Entry of the panel bundle the deck build inlines at the end of the Marp HTML. It mounts every
 * `[data-demo]` element with the panel of that name, sharing one store, one socket and one API
 * client across them; in a preview, the live window's store; off the demo server, no network at all
 * (see mode.ts).
 */
import { createApi } from './api.ts';
import { css as chartCss } from './chart/styles.ts';
import type { Dispose, PanelContext } from './context.ts';
import { css as frameCss } from './frame/styles.ts';
import { currentPage, detectMode } from './mode.ts';
import { readRecordings } from './recording.ts';
import { isPanelName, panels } from './registry.ts';
import { watchSlide } from './slide-visibility.ts';
import { connectSocket, socketUrl } from './socket.ts';
import { followStore, shareStore } from './store-mirror.ts';
import { LaneStore } from './store.ts';
import { injectStyles } from './styles.ts';

const MOUNTED = 'demoMounted';

/** Mounts every panel not yet mounted; the returned function takes them all down again. */
function start(): Dispose {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-demo]')].filter((el) => !el.dataset[MOUNTED]);
  const disposers: Dispose[] = [];
  const stop = (): void => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
  if (elements.length === 0) return stop;
  injectStyles([frameCss, chartCss, ...Object.values(panels).map((panel) => panel.css)]);

  const mode = detectMode(currentPage());
  const recordings = readRecordings(window.__DEMO_RECORDINGS__);
  let store: LaneStore | undefined;
  let api: PanelContext['api'];
  if (mode === 'live') {
    store = new LaneStore();
    const socket = connectSocket({ url: socketUrl(location), store });
    disposers.push(() => socket.close(), shareStore(store));
    api = createApi(location.origin);
  } else if (mode === 'mirror') {
    store = new LaneStore();
    disposers.push(followStore(store));
  }

  for (const el of elements) {
    el.dataset[MOUNTED] = 'true';
    disposers.push(() => delete el.dataset[MOUNTED]);
    const name = el.dataset.demo ?? '';
    if (!isPanelName(name)) {
      el.textContent = `Unknown demo panel “${name}”. Panels: ${Object.keys(panels).join(', ')}.`;
      continue;
    }
    const slide = watchSlide(el);
    const recording = recordings.get(el.dataset.recording ?? name);
    try {
      const dispose = panels[name].mount(el, { mode, recording, store, api, slide });
      disposers.push(() => {
        dispose();
        slide.dispose();
      });
    } catch (err) {
      // One broken panel must leave the others, and the deck, running.
      console.error(`[demo] panel "${name}" failed to mount`, err);
      el.textContent = `The “${name}” demo failed to start: see the browser console.`;
      slide.dispose();
    }
  }
  return stop;
}

/**
 * Leaving the page closes the socket (an open one bars the browser's back/forward cache); coming
 * back from that cache mounts afresh, and the new socket's snapshot brings the state up to date.
 */
function run(): void {
  let stop = start();
  window.addEventListener('pagehide', () => stop());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) stop = start();
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
else run();
