import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DemoConfig } from '../../demo-server/src/config.ts';
import type { ServerLane } from '../../demo-server/src/lanes/index.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from './brokers.ts';
import { launchChromium } from './browser.ts';
import { buildDeck } from './deck-build.ts';
import { openSlide } from './deck-page.ts';
import { startTestServer } from './demo-server.ts';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export interface DeckFixture {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh page (1280x720 unless told) on the slide whose heading contains `title`. */
  openSlide(title: string, options?: SlideOptions): Promise<Page>;
}

export interface SlideOptions {
  viewport?: { width: number; height: number };
  /** Appended to the deck's URL, e.g. `?view=presenter`. */
  query?: string;
  /** Runs on the new page before it loads the deck: listeners, routes. */
  prepare?: (page: Page) => Promise<void> | void;
}

/**
 * The built deck served by a demo server of its own (fresh namespace) and Debian's Chromium, for one
 * test file: brokers checked first (a missing one fails with the command that starts it), everything
 * the namespace left on the brokers removed afterwards. Call at the top of a `describe`. Without
 * `lanes`, the server runs every lane (and starts the Celery worker).
 */
export function useDeckServer(lanes?: readonly ServerLane[], overrides: Partial<DemoConfig> = {}): DeckFixture {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    await buildDeck();
    server = await startTestServer(overrides, lanes);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) {
      await deleteNamespace(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The deck fixture's ${what} is not up: did beforeAll fail?`);
    return value;
  };

  return {
    get server() {
      return ready(server, 'demo server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async openSlide(title: string, { viewport = { width: 1280, height: 720 }, query = '', prepare }: SlideOptions = {}): Promise<Page> {
      const page = await ready(browser, 'browser').newPage({ viewport });
      await prepare?.(page);
      await openSlide(page, `${ready(server, 'demo server').url}/${query}`, title);
      return page;
    },
  };
}
