// The reference for the WebSocket fan-out: the same BullMQ events, counted and sent to every
// client once per tick with nothing else, as the ws README's broadcast example does.
// node --import tsx plain-broadcaster.ts --redis URL --prefix NS
import { parseArgs } from 'node:util';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { WebSocket, WebSocketServer } from 'ws';
import { TICK_MS } from '../../demo-server/src/protocol/index.ts';

export type FromPlainBroadcaster = { type: 'listening'; port: number };

const { values } = parseArgs({ options: { redis: { type: 'string' }, prefix: { type: 'string' } } });
const connection = new Redis(values.redis!, { maxRetriesPerRequest: null });
const events = new QueueEvents('jobs', { connection, prefix: values.prefix! });

const stats = { waiting: 0, active: 0, completed: 0, failed: 0, retried: 0 };
let tick = { enqueued: 0, started: 0, completed: 0, failed: 0, retried: 0 };
events.on('added', () => {
  tick.enqueued++;
  stats.waiting++;
});
events.on('active', () => {
  tick.started++;
  stats.waiting = Math.max(0, stats.waiting - 1);
  stats.active++;
});
events.on('completed', () => {
  tick.completed++;
  stats.active = Math.max(0, stats.active - 1);
  stats.completed++;
});
events.on('failed', () => {
  tick.failed++;
  stats.active = Math.max(0, stats.active - 1);
  stats.failed++;
});
await events.waitUntilReady();

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (ws) => {
  ws.on('error', () => {});
  ws.send(JSON.stringify({ type: 'snapshot', serverTime: Date.now(), lanes: [{ name: 'bullmq', stats }] }));
});
let seq = 0;
setInterval(() => {
  if (Object.values(tick).every((n) => n === 0)) return;
  const frame = JSON.stringify({ type: 'delta', seq: ++seq, serverTime: Date.now(), lanes: [{ name: 'bullmq', stats, tick }] });
  tick = { enqueued: 0, started: 0, completed: 0, failed: 0, retried: 0 };
  for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame);
}, TICK_MS);

await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
const { port } = wss.address() as { port: number };
process.send?.({ type: 'listening', port } satisfies FromPlainBroadcaster);
const stop = () => {
  wss.close();
  void events.close().finally(() => {
    connection.disconnect();
    process.exit(0);
  });
};
process.once('SIGTERM', stop);
process.on('disconnect', stop);
