import { EventEmitter } from 'node:events';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { BROKER_CALL_TIMEOUT_MS, withDeadline } from './broker-deadline.ts';
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

const BLOCKED_HINT =
  'RabbitMQ stops publishers while it is short of memory or disk (a resource alarm; `rabbitmqctl status` says which): ' +
  'free some, or raise the limit (`rabbitmqctl set_vm_memory_high_watermark 0.4`, `rabbitmqctl set_disk_free_limit 1GB`). The lane comes back by itself';

/**
 * One AMQP connection that comes back by itself. `setup` runs on every (re)connect to
 * declare topology and start consumers; until it has run the session is not `ready`.
 * While RabbitMQ blocks the connection (`connection.blocked`: a memory or disk alarm) it is not
 * `ready` either: the broker reads nothing more from it until `connection.unblocked`.
 */
export class ReconnectingAmqp {
  private session: AmqpSession | null = null;
  /** The broker's reason while it blocks this connection. */
  private blockedBy: string | null = null;
  /** Tells every call waiting in `guard` that the connection got blocked (any number may wait). */
  private readonly blocking = new EventEmitter().setMaxListeners(0);
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
    return this.blockedBy === null ? this.session : null;
  }

  detail(): string {
    if (this.session && this.blockedBy !== null) return `RabbitMQ blocks publishers: ${this.blockedBy}`;
    return this.lastError || 'connecting';
  }

  /** Why RabbitMQ cannot be used now and what brings it back; undefined while connected. */
  down(): BrokerDown | undefined {
    if (this.session && this.blockedBy !== null) {
      return { detail: `RabbitMQ at ${redactUrl(this.url)} blocks publishers: ${this.blockedBy}`, hint: BLOCKED_HINT };
    }
    if (this.session) return undefined;
    return {
      detail: `RabbitMQ at ${redactUrl(this.url)} is not answering (${this.detail()})`,
      hint: 'Start RabbitMQ: `docker compose up -d rabbitmq` (or `rabbitmq-server -detached`), then wait a few seconds',
    };
  }

  /**
   * Waits for a broker call at most BROKER_CALL_TIMEOUT_MS, and not at all once RabbitMQ blocks the
   * connection: a publish, a confirm or a purge would then wait until the alarm clears.
   */
  guard<T>(work: Promise<T>, what: string): Promise<T> {
    return withDeadline(work, what, {
      interrupt: (stop) => {
        const onBlocked = () => stop(`RabbitMQ blocks publishers: ${this.blockedBy}`);
        if (this.blockedBy !== null) onBlocked();
        this.blocking.on('blocked', onBlocked);
        return () => this.blocking.off('blocked', onBlocked);
      },
    });
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    let connection: ChannelModel | null = null;
    try {
      // noDelay: amqplib keeps Nagle's algorithm by default, and then a small frame (an ack, an
      // event batch) written behind another waits for the broker's delayed TCP ack: up to 40 ms.
      // timeout: a broker that takes the TCP connection but never answers (a hung node) is given up on.
      connection = await connect(withHeartbeat(this.url), {
        noDelay: true,
        timeout: BROKER_CALL_TIMEOUT_MS,
        clientProperties: { connection_name: this.name },
      });
      connection.on('error', (error: Error) => (this.lastError = error.message));
      connection.on('close', () => this.lost(connection!, 'connection closed'));
      // Only one attempt runs at a time: this connection is the one `ready` and `down` speak of.
      this.blockedBy = null;
      connection.on('blocked', (reason: string) => {
        this.blockedBy = reason || 'a resource alarm';
        this.blocking.emit('blocked');
      });
      connection.on('unblocked', () => (this.blockedBy = null));
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
    this.blockedBy = null;
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
