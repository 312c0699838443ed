import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSocket, parseServerMessage, retryDelayMs, socketUrl } from '../../../slides/panel/socket.ts';
import { LaneStore } from '../../../slides/panel/store.ts';
import { delta, laneDelta, snapshot } from './fixtures.ts';

/** Just enough of a browser WebSocket for the connection loop. */
class FakeSocket extends EventTarget {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(msg: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(msg) }));
  }
  drop() {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

describe('retryDelayMs', () => {
  it('starts at half a second and doubles up to one second', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([500, 1000, 1000, 1000, 1000, 1000, 1000]);
  });
});

describe('socketUrl', () => {
  it('matches the page: ws for http, wss for https', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/ws');
    expect(socketUrl({ protocol: 'https:', host: 'talk.example' })).toBe('wss://talk.example/ws');
  });
});

describe('parseServerMessage', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('accepts a valid snapshot', () => {
    expect(parseServerMessage(JSON.stringify(snapshot()))?.type).toBe('snapshot');
  });

  it('rejects frames that are not JSON, not text, or not the schema', () => {
    expect(parseServerMessage('{nope')).toBeUndefined();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', v: 2 }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ ...snapshot(), lanes: [{ name: 'kafka' }] }))).toBeUndefined();
  });
});

describe('connectSocket', () => {
  let sockets: FakeSocket[];
  const latest = () => sockets[sockets.length - 1]!;
  const start = (store = new LaneStore()) => {
    const handle = connectSocket({
      url: 'ws://demo/ws',
      store,
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
    return { store, handle };
  };

  beforeEach(() => {
    sockets = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('feeds snapshots and deltas into the store', () => {
    const { store } = start();
    latest().open();
    latest().receive(snapshot());
    latest().receive(delta([laneDelta('bullmq', { stats: { waiting: 7, active: 0, completed: 0, failed: 0, retried: 0 } })]));
    expect(store.state.connection).toBe('open');
    expect(store.state.lanes.get('bullmq')!.stats.waiting).toBe(7);
  });

  it('reports offline and retries with a growing delay while the server is away', () => {
    const { store } = start();
    latest().drop();
    expect(store.state.connection).toBe('offline');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    latest().drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
  });

  it('starts the delays over once a snapshot arrived', () => {
    start();
    latest().drop();
    vi.advanceTimersByTime(500);
    latest().drop();
    vi.advanceTimersByTime(1000);
    latest().open();
    latest().receive(snapshot());
    latest().drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('takes the fresh snapshot after a reconnect as the whole truth', () => {
    const { store } = start();
    latest().receive(snapshot());
    latest().drop();
    vi.advanceTimersByTime(500);
    latest().receive(snapshot([]));
    expect(store.state.lanes.size).toBe(0);
    expect(store.state.connection).toBe('open');
  });

  it('pings while open and gives up on a link that stays silent', () => {
    const { store } = start();
    latest().open();
    latest().receive(snapshot());
    vi.advanceTimersByTime(5_000);
    expect(JSON.parse(latest().sent[0]!)).toMatchObject({ type: 'ping' });
    vi.advanceTimersByTime(15_000);
    expect(store.state.connection).toBe('offline');
    expect(sockets[0]!.closed).toBe(true);
  });

  it('stops for good on close', () => {
    const { handle } = start();
    latest().drop();
    handle.close();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
