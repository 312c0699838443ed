// N WebSocket clients of one server, started by the bench: node --import tsx ws-watchers.ts --url ws://... --clients 100
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { percentile } from './stats.ts';

/** Messages between the bench and a watchers process. */
export type ToWatchers = { type: 'reset' } | { type: 'report' };
export type FromWatchers = { type: 'ready' } | ({ type: 'report' } & WatchReport);

export interface WatchReport {
  frames: number;
  /** Largest frame any client received, bytes (snapshots included). */
  maxFrameBytes: number;
  /** Receive time minus the frame's serverTime, ms, over every delta every client received. */
  lagP50: number;
  lagP99: number;
  lagMax: number;
}

const { values } = parseArgs({ options: { url: { type: 'string' }, clients: { type: 'string' } } });
const url = values.url!;
const clients = Number(values.clients);

let frames = 0;
let maxFrameBytes = 0;
let lags: number[] = [];

const sockets = await Promise.all(
  Array.from(
    { length: clients },
    () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.once('error', reject);
        ws.on('message', (data: Buffer) => {
          const receivedAt = Date.now();
          frames++;
          maxFrameBytes = Math.max(maxFrameBytes, data.length);
          // Every client parses every frame, as every open deck does.
          const message = JSON.parse(data.toString('utf8')) as { type: string; serverTime?: number };
          if (message.type === 'delta' && typeof message.serverTime === 'number') lags.push(receivedAt - message.serverTime);
          resolve(ws);
        });
      }),
  ),
);

const tell = (message: FromWatchers) => process.send?.(message);
process.on('message', (message: ToWatchers) => {
  if (message.type === 'reset') {
    frames = 0;
    maxFrameBytes = 0;
    lags = [];
  } else if (message.type === 'report') {
    tell({
      type: 'report',
      frames,
      maxFrameBytes,
      lagP50: percentile(lags, 50),
      lagP99: percentile(lags, 99),
      lagMax: lags.length ? Math.max(...lags) : Number.NaN,
    });
  }
});
const stop = () => {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.on('disconnect', stop);
tell({ type: 'ready' });
