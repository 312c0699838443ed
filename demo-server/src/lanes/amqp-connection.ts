import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { BrokerDown } from './lane.ts';
import { redactUrl } from './redact-url.ts';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 2_000;
/** AMQP heartbeat in seconds: a silent broker is noticed within a few seconds. */
const HEARTBEAT_S = 2;

export interface AmqpSession {
  connection: ChannelModel;
  channel: ConfirmChannel;
}

/**
 * One AMQP connection that comes back by itself. `setup` runs on every (re)connect to
 * declare topology and start consumers; until it has run the session is not `ready`.
 */
export class ReconnectingAmqp {
  private session: AmqpSession | null = null;
  private lastError = '';
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = RETRY_MIN_MS;
  private firstAttempt: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly setup: (session: AmqpSession) => Promise<void>,
  ) {}

  /** Resolves after the first attempt, whether or not the broker answered. */
  start(): Promise<void> {
    this.firstAttempt ??= this.attempt();
    return this.firstAttempt;
  }

  ready(): AmqpSession | null {
    return this.session;
  }

  detail(): string {
    return this.lastError || 'connecting';
  }

  /** Why RabbitMQ cannot be used now and the command that starts it; undefined while connected. */
  down(): BrokerDown | undefined {
    if (this.session) return undefined;
    return {
      detail: `RabbitMQ at ${redactUrl(this.url)} is not answering (${this.detail()})`,
      hint: 'Start RabbitMQ: `docker compose up -d rabbitmq` (or `rabbitmq-server -detached`), then wait a few seconds',
    };
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    let connection: ChannelModel | null = null;
    try {
      // noDelay: amqplib keeps Nagle's algorithm by default, and then a small frame (an ack, an
      // event batch) written behind another waits for the broker's delayed TCP ack: up to 40 ms.
      connection = await connect(withHeartbeat(this.url), { noDelay: true, clientProperties: { connection_name: this.name } });
      connection.on('error', (error: Error) => (this.lastError = error.message));
      connection.on('close', () => this.lost(connection!, 'connection closed'));
      const channel = await connection.createConfirmChannel();
      channel.on('error', (error: Error) => (this.lastError = error.message));
      channel.on('close', () => this.lost(connection!, 'channel closed'));
      const session = { connection, channel };
      await this.setup(session);
      if (this.closed) {
        await connection.close().catch(() => {});
        return;
      }
      this.session = session;
      this.lastError = '';
      this.retryMs = RETRY_MIN_MS;
    } catch (error) {
      this.lastError = (error as Error).message || String(error);
      await connection?.close().catch(() => {});
      this.scheduleRetry();
    }
  }

  private lost(connection: ChannelModel, why: string): void {
    if (this.session?.connection !== connection) return;
    this.session = null;
    this.lastError ||= why;
    connection.close().catch(() => {});
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const session = this.session;
    this.session = null;
    await session?.connection.close().catch(() => {});
  }
}

function withHeartbeat(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(HEARTBEAT_S));
  return parsed.toString();
}
