import { serverMessageSchema, type ClientMessage, type ServerMessage } from '../../demo-server/src/protocol/index.ts';
import type { LaneStore } from './store.ts';

const FIRST_RETRY_MS = 500;
/**
 * The demo server is on the speaker's laptop or LAN: retrying that often costs nothing, and a
 * server back after a restart must show up on stage within 2 s, not after a long backoff.
 */
const MAX_RETRY_MS = 1_000;
/** A ping keeps messages flowing while no lane changes, so silence really means a dead link. */
const PING_EVERY_MS = 5_000;
/** A laptop that changes network leaves a half-open TCP socket that never fires `close`. */
const STALE_AFTER_MS = 15_000;
/** `WebSocket.OPEN`, spelled out so the module also loads where `WebSocket` is not a global (Node 20 tests). */
const OPEN = 1;

/** Delay before retry number `attempt` (0-based): 0.5 s doubling, capped at 1 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
}

/** The demo server's socket on the page's own origin, ws: or wss: to match the page. */
export function socketUrl(page: Pick<Location, 'protocol' | 'host'>): string {
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}/ws`;
}

/** Parses and validates one frame; anything else is reported and yields undefined. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') {
    console.warn('[demo] ignoring a non-text frame');
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    console.warn('[demo] ignoring a frame that is not JSON');
    return undefined;
  }
  const parsed = serverMessageSchema.safeParse(json);
  if (!parsed.success) {
    console.warn('[demo] ignoring an invalid message', parsed.error.issues.slice(0, 3));
    return undefined;
  }
  return parsed.data;
}

export interface SocketOptions {
  readonly url: string;
  readonly store: LaneStore;
  /** Defaults to the browser's WebSocket; a test passes a fake. */
  readonly createSocket?: (url: string) => WebSocket;
}

export interface SocketHandle {
  /** Stops for good: no more retries. */
  close(): void;
}

/** The page's one connection to the demo server, feeding the store until `close()`. */
export function connectSocket({ url, store, createSocket = (u) => new WebSocket(u) }: SocketOptions): SocketHandle {
  let socket: WebSocket | undefined;
  let attempt = 0;
  let lastHeard = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const send = (msg: ClientMessage): void => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(msg));
  };

  const onMessage = (event: MessageEvent): void => {
    lastHeard = Date.now();
    const msg = parseServerMessage(event.data);
    if (!msg) return;
    switch (msg.type) {
      case 'snapshot':
        attempt = 0;
        store.receiveSnapshot(msg);
        break;
      case 'delta':
        store.receiveDelta(msg);
        break;
      case 'error':
        console.warn(`[demo] server says ${msg.code}: ${msg.message}`);
        break;
      case 'pong':
        break;
    }
  };

  // Detach first: a socket being dropped must not report its own late `close` into the next one's life.
  const drop = (): void => {
    clearInterval(pingTimer);
    const old = socket;
    socket = undefined;
    if (!old) return;
    old.removeEventListener('message', onMessage);
    old.removeEventListener('close', onDown);
    old.removeEventListener('error', onDown);
    try {
      old.close();
    } catch {
      // Closing a socket that never opened may throw in some browsers; it is gone either way.
    }
  };

  function onDown(): void {
    drop();
    if (closed) return;
    store.setConnection('offline');
    retryTimer = setTimeout(open, retryDelayMs(attempt));
    attempt += 1;
  }

  function open(): void {
    retryTimer = undefined;
    try {
      socket = createSocket(url);
    } catch (err) {
      console.warn('[demo] cannot open the socket', err);
      onDown();
      return;
    }
    lastHeard = Date.now();
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', onDown);
    socket.addEventListener('error', onDown);
    pingTimer = setInterval(() => {
      if (Date.now() - lastHeard > STALE_AFTER_MS) onDown();
      else send({ type: 'ping', t: Date.now() });
    }, PING_EVERY_MS);
  }

  open();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      drop();
    },
  };
}
