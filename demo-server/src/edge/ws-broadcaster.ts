import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { clientMessageSchema, TICK_MS, type ServerMessage } from '../protocol/index.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';
import type { HostAllowlist } from './host-allowlist.ts';
import { upgradeVerdict } from './origin.ts';
import { answerRawAndClose } from './raw-answer.ts';

/** A client further behind than this gets no more deltas until it drains, then one fresh snapshot. */
const MAX_BUFFERED_BYTES = 512 * 1024;
/** Frames a deck may send: a ping is tens of bytes. Larger ones close the socket, with the reason. */
const MAX_CLIENT_FRAME_BYTES = 4 * 1024;
/** Beyond this, ws itself refuses the frame before buffering it (code 1009, no reason). */
const MAX_BUFFERED_FRAME_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;

interface ClientState {
  alive: boolean;
  /** Missed deltas while slow: the next thing it gets is a snapshot. */
  behind: boolean;
}

/**
 * One WebSocket at `/ws` for every open deck: a snapshot on connect, then one delta per
 * tick, serialised once and sent to all. Slow clients are coalesced, never buffered forever.
 */
export class WsBroadcaster {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BUFFERED_FRAME_BYTES });
  private readonly clients = new Map<WebSocket, ClientState>();
  private tickTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly hub: LaneHub,
    private readonly logger: Logger,
  ) {}

  attach(server: Server, hosts: HostAllowlist): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head, hosts));
    this.tickTimer = setInterval(() => this.broadcastTick(), TICK_MS);
    this.heartbeatTimer = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS);
  }

  /** Any client may send any handshake: each check is one that cannot throw, and a refusal closes cleanly. */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, hosts: HostAllowlist): void {
    // A client may reset the connection at any moment: unheard, that error would end the process.
    socket.on('error', (error) => this.logger.debug({ err: error }, 'upgrade socket error'));
    try {
      if (!hosts.allows(req.headers.host)) {
        return answerRawAndClose(socket, 421, 'misdirected', `This server answers to ${hosts.describe()} only.`);
      }
      // The path alone, without parsing the rest: a request target may be anything (`//a:b`).
      if ((req.url ?? '').split('?', 1)[0] !== '/ws') {
        return answerRawAndClose(socket, 404, 'not_found', 'The WebSocket is at /ws.');
      }
      const verdict = upgradeVerdict(req);
      if (!verdict.allowed) return answerRawAndClose(socket, 403, 'cross_origin', `Refused: ${verdict.why}.`);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    } catch (error) {
      this.logger.warn({ err: error }, 'a WebSocket handshake could not be handled; its connection is closed');
      socket.destroy();
    }
  }

  clientCount(): number {
    return this.clients.size;
  }

  private accept(ws: WebSocket): void {
    const state: ClientState = { alive: true, behind: false };
    this.clients.set(ws, state);
    ws.on('error', (error) => this.logger.debug({ err: error }, 'websocket client error'));
    ws.on('pong', () => (state.alive = true));
    ws.on('close', () => this.clients.delete(ws));
    ws.on('message', (data, isBinary) => this.receive(ws, data, isBinary));
    send(ws, JSON.stringify(this.hub.snapshot()));
  }

  private receive(ws: WebSocket, data: RawData, isBinary: boolean): void {
    if (frameLength(data) > MAX_CLIENT_FRAME_BYTES) {
      return ws.close(1009, `Frames are limited to ${MAX_CLIENT_FRAME_BYTES} bytes`);
    }
    if (isBinary) return reply(ws, { type: 'error', code: 'binary_frame', message: 'Send JSON text frames.' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return reply(ws, { type: 'error', code: 'invalid_json', message: 'The frame is not valid JSON.' });
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      return reply(ws, { type: 'error', code: 'invalid_message', message: 'Unknown message: the socket accepts {"type":"ping","t":<number>}.' });
    }
    reply(ws, { type: 'pong', t: message.data.t, serverTime: Date.now() });
  }

  private broadcastTick(): void {
    const delta = this.hub.tick();
    if (!delta || this.clients.size === 0) return;
    const frame = JSON.stringify(delta);
    let snapshot: string | null = null;
    for (const [ws, state] of this.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        state.behind = true;
        continue;
      }
      if (state.behind) {
        snapshot ??= JSON.stringify(this.hub.snapshot());
        state.behind = false;
        send(ws, snapshot);
      } else {
        send(ws, frame);
      }
    }
  }

  private checkHeartbeats(): void {
    for (const [ws, state] of this.clients) {
      if (!state.alive) {
        ws.terminate();
        continue;
      }
      state.alive = false;
      ws.ping();
    }
  }

  async close(): Promise<void> {
    if (this.tickTimer) clearInterval(this.tickTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    for (const ws of this.clients.keys()) ws.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function frameLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function send(ws: WebSocket, frame: string): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(frame);
}

function reply(ws: WebSocket, message: ServerMessage): void {
  send(ws, JSON.stringify(message));
}
